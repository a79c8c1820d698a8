#!/usr/bin/env python3
"""Draws a BPMN file's own diagram (its BPMN DI) as SVG, and as PNG through headless Chromium.

    python3 scripts/bpmn-diagram.py processes/schoolBasedClass.bpmn docs/processes/

Writes <processId>.svg and <processId>.png next to the process page. It draws what Cockpit and
Tasklist draw from the same DI — tasks, events, gateways, flows and their names — plainly, so
that the documentation never shows a picture that differs from the deployed model.
"""
import html
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
}
TASKS = {"userTask", "serviceTask", "task", "sendTask", "receiveTask", "businessRuleTask", "callActivity", "subProcess"}


def wrap(text, width):
    lines, line = [], ""
    for ch in text:
        line += ch
        if len(line) >= width:
            lines.append(line)
            line = ""
    return lines + ([line] if line else [])


def text(x, y, value, size=12, anchor="middle", fill="#222"):
    return f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">{html.escape(value)}</text>'


def draw(bpmn_file: Path):
    root = ET.parse(bpmn_file).getroot()
    process = root.find("bpmn:process", NS)
    elements = {el.get("id"): el for el in process.iter() if el.get("id")}
    shapes, edges = [], []
    max_x = max_y = 0
    bounds = {shape.get("bpmnElement"): shape.find("dc:Bounds", NS)
              for shape in root.iter(f"{{{NS['bpmndi']}}}BPMNShape")}
    for shape in root.iter(f"{{{NS['bpmndi']}}}BPMNShape"):
        el = elements.get(shape.get("bpmnElement"))
        b = shape.find("dc:Bounds", NS)
        x, y, w, h = (float(b.get(k)) for k in ("x", "y", "width", "height"))
        max_x, max_y = max(max_x, x + w), max(max_y, y + h)
        kind = el.tag.split("}")[1]
        name = el.get("name") or ""
        if kind in TASKS:
            fill = "#fff8e6" if kind == "userTask" else "#eef4ff"
            shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{fill}" stroke="#333" stroke-width="1.5"/>')
            shapes.append(text(x + 8, y + 14, "人工" if kind == "userTask" else "系统", 9, "start", "#888"))
            lines = wrap(name, max(4, int(w // 13)))
            for i, line in enumerate(lines):
                shapes.append(text(x + w / 2, y + h / 2 + 4 + (i - (len(lines) - 1) / 2) * 15, line))
        elif kind.endswith("Gateway"):
            cx, cy = x + w / 2, y + h / 2
            shapes.append(f'<polygon points="{cx},{y} {x + w},{cy} {cx},{y + h} {x},{cy}" fill="#fff" stroke="#333" stroke-width="1.5"/>')
            shapes.append(f'<path d="M{cx - 8},{cy - 8} L{cx + 8},{cy + 8} M{cx + 8},{cy - 8} L{cx - 8},{cy + 8}" stroke="#333" stroke-width="2.5"/>')
            if name:
                shapes.append(text(cx, y - 6, name, 11))
        else:  # events
            cx, cy, r = x + w / 2, y + h / 2, w / 2
            width = "3.5" if kind == "endEvent" else "1.5"
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="#fff" stroke="#333" stroke-width="{width}"/>')
            if el.find("bpmn:timerEventDefinition", NS) is not None:
                dash = ' stroke-dasharray="3,2"' if el.get("cancelActivity") == "false" else ""
                shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 4}" fill="none" stroke="#333"{dash}/>')
                shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 9}" fill="none" stroke="#333"/>')
                shapes.append(f'<path d="M{cx},{cy} L{cx},{cy - r + 11} M{cx},{cy} L{cx + 5},{cy}" stroke="#333"/>')
            elif el.find("bpmn:errorEventDefinition", NS) is not None:
                shapes.append(text(cx, cy + 5, "⚡", 14))
            if name:
                # A timer on a task's top edge is named above it, so the name does not cover the task's.
                host = bounds.get(el.get("attachedToRef"))
                above = host is not None and cy < float(host.get("y")) + float(host.get("height")) / 2
                for i, line in enumerate(wrap(name, 8)):
                    shapes.append(text(cx, y - 6 - i * 13 if above else y + h + 14 + i * 13, line, 11))
                max_y = max(max_y, y + h + 30)
    for edge in root.iter(f"{{{NS['bpmndi']}}}BPMNEdge"):
        el = elements.get(edge.get("bpmnElement"))
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        for px, py in points:
            max_x, max_y = max(max_x, px), max(max_y, py)
        edges.append('<polyline points="' + " ".join(f"{px},{py}" for px, py in points)
                     + '" fill="none" stroke="#555" stroke-width="1.3" marker-end="url(#arrow)"/>')
        name = el.get("name") if el is not None else None
        if name and len(points) >= 2:
            (x1, y1), (x2, y2) = points[0], points[1]
            if abs(x1 - x2) > abs(y1 - y2):
                edges.append(text((x1 + x2) / 2, y1 - 5, name, 11, fill="#0a5"))
            else:
                edges.append(text(x1 + 5, (y1 + y2) / 2, name, 11, "start", "#0a5"))
    width, height = int(max_x + 40), int(max_y + 30)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
           '<rect width="100%" height="100%" fill="white"/>'] + edges + shapes + ["</svg>"]
    return process.get("id"), "\n".join(svg) + "\n", width, height


def main():
    bpmn_file, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    process_id, svg, width, height = draw(bpmn_file)
    svg_file = out_dir / f"{process_id}.svg"
    svg_file.write_text(svg, encoding="utf-8")
    png_file = out_dir / f"{process_id}.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},{height}", f"--screenshot={png_file.resolve()}",
                    svg_file.resolve().as_uri()], check=True, capture_output=True)
    print(f"wrote {svg_file} and {png_file} ({width}x{height})")


if __name__ == "__main__":
    main()
