#!/usr/bin/env python3
"""Draws a BPMN file's own diagram interchange (BPMN DI) as SVG: shapes, flows, names.

Usage: scripts/bpmn-to-svg.py processes/<id>.bpmn > docs/processes/<id>.svg
then, for a PNG: chromium --headless --screenshot=<id>.png --window-size=W,H <id>.svg
Not bpmn-js: a plain picture of the same coordinates Cockpit and the Modeler draw.
"""
import sys
import xml.etree.ElementTree as ET

NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
      'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
      'dc': 'http://www.omg.org/spec/DD/20100524/DC',
      'di': 'http://www.omg.org/spec/DD/20100524/DI'}


def esc(text):
    return (text or '').replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def wrap(text, width):
    lines, line = [], ''
    for ch in text:
        line += ch
        if len(line) >= width:
            lines.append(line)
            line = ''
    return lines + ([line] if line else [])


def main(path):
    root = ET.parse(path).getroot()
    elements = {e.get('id'): e for e in root.iter() if e.get('id')}
    shapes = root.findall('.//bpmndi:BPMNShape', NS)
    edges = root.findall('.//bpmndi:BPMNEdge', NS)
    max_x = max(float(s.find('dc:Bounds', NS).get('x')) + float(s.find('dc:Bounds', NS).get('width')) for s in shapes)
    max_y = max(float(s.find('dc:Bounds', NS).get('y')) + float(s.find('dc:Bounds', NS).get('height')) for s in shapes)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(max_x) + 60}" height="{int(max_y) + 60}" '
           'font-family="sans-serif" font-size="12">',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
           'orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
           '<rect width="100%" height="100%" fill="white"/>']
    for edge in edges:
        points = [(float(w.get('x')), float(w.get('y'))) for w in edge.findall('di:waypoint', NS)]
        out.append('<polyline points="' + ' '.join(f'{x:g},{y:g}' for x, y in points)
                   + '" fill="none" stroke="#333" marker-end="url(#a)"/>')
        name = elements[edge.get('bpmnElement')].get('name')
        if name:
            (x1, y1), (x2, y2) = points[0], points[1]
            out.append(f'<text x="{(x1 + x2) / 2 + 4:g}" y="{(y1 + y2) / 2 - 4:g}" fill="#555">{esc(name)}</text>')
    for shape in shapes:
        b = shape.find('dc:Bounds', NS)
        x, y, w, h = (float(b.get(k)) for k in ('x', 'y', 'width', 'height'))
        element = elements[shape.get('bpmnElement')]
        tag = element.tag.split('}')[1]
        name = element.get('name') or ''
        cx, cy = x + w / 2, y + h / 2
        if tag.endswith('Event'):
            stroke = '4' if tag == 'endEvent' else '1.5'
            dash = ' stroke-dasharray="4,3"' if element.get('cancelActivity') == 'false' else ''
            out.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{w / 2:g}" fill="white" stroke="#333" '
                       f'stroke-width="{stroke}"{dash}/>')
            if element.find('bpmn:timerEventDefinition', NS) is not None:
                out.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{w / 2 - 5:g}" fill="none" stroke="#333"/>'
                           f'<path d="M{cx:g},{cy - 8:g} L{cx:g},{cy:g} L{cx + 6:g},{cy:g}" stroke="#333" fill="none"/>')
            if element.find('bpmn:errorEventDefinition', NS) is not None:
                out.append(f'<path d="M{cx - 7:g},{cy + 7:g} L{cx - 3:g},{cy - 6:g} L{cx + 2:g},{cy + 2:g} '
                           f'L{cx + 7:g},{cy - 7:g}" stroke="#b00" fill="none" stroke-width="2"/>')
            for i, line in enumerate(wrap(name, 10)):
                out.append(f'<text x="{cx:g}" y="{y + h + 14 + 14 * i:g}" text-anchor="middle">{esc(line)}</text>')
        elif tag == 'exclusiveGateway':
            out.append(f'<polygon points="{cx:g},{y:g} {x + w:g},{cy:g} {cx:g},{y + h:g} {x:g},{cy:g}" '
                       'fill="white" stroke="#333" stroke-width="1.5"/>'
                       f'<text x="{cx:g}" y="{cy + 6:g}" text-anchor="middle" font-size="18">×</text>')
            out.append(f'<text x="{cx:g}" y="{y - 6:g}" text-anchor="middle">{esc(name)}</text>')
        else:
            fill = '#eef4ff' if tag == 'userTask' else '#f4f4f4'
            out.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="8" fill="{fill}" '
                       'stroke="#333" stroke-width="1.5"/>')
            lines = wrap(name, int(w // 13))
            for i, line in enumerate(lines):
                out.append(f'<text x="{cx:g}" y="{cy - 7 * (len(lines) - 1) + 14 * i + 4:g}" '
                           f'text-anchor="middle">{esc(line)}</text>')
            label = 'user' if tag == 'userTask' else 'service'
            out.append(f'<text x="{x + 4:g}" y="{y + 12:g}" font-size="9" fill="#777">{label}</text>')
    out.append('</svg>')
    print('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1])
