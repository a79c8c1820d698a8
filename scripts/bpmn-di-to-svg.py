#!/usr/bin/env python3
"""Draws a BPMN model's own diagram interchange (BPMN DI) as SVG: shapes at their bounds, edges along their waypoints."""
# Usage: scripts/bpmn-di-to-svg.py processes/X.bpmn docs/processes/X.svg, then the PNG with headless chromium:
#   chromium --headless=new --no-sandbox --hide-scrollbars --window-size=W,H --screenshot=docs/processes/X.png file://$PWD/docs/processes/X.svg
import sys, xml.etree.ElementTree as ET
NS={'bpmn':'http://www.omg.org/spec/BPMN/20100524/MODEL','bpmndi':'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc':'http://www.omg.org/spec/DD/20100524/DC','di':'http://www.omg.org/spec/DD/20100524/DI',
    'camunda':'http://camunda.org/schema/1.0/bpmn'}
root=ET.parse(sys.argv[1]).getroot()
els={e.get('id'):e for e in root.iter() if e.get('id')}
def tag(e): return e.tag.split('}')[1]
def esc(s): return (s or '').replace('&','&amp;').replace('<','&lt;')
shapes=[];edges=[];W=H=0
for s in root.iter('{%s}BPMNShape'%NS['bpmndi']):
    b=s.find('dc:Bounds',NS); x,y,w,h=(float(b.get(k)) for k in 'x y width height'.split())
    shapes.append((els[s.get('bpmnElement')],x,y,w,h)); W=max(W,x+w); H=max(H,y+h)
for e in root.iter('{%s}BPMNEdge'%NS['bpmndi']):
    pts=[(float(p.get('x')),float(p.get('y'))) for p in e.findall('di:waypoint',NS)]
    edges.append((els[e.get('bpmnElement')],pts)); W=max([W]+[p[0] for p in pts]); H=max([H]+[p[1] for p in pts])
out=[f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(W+60)}" height="{int(H+50)}" font-family="sans-serif" font-size="12">',
 '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
 '<rect width="100%" height="100%" fill="white"/>']
boundaries={e.get('id') for e,*_ in shapes if tag(e)=='boundaryEvent' and e.get('cancelActivity')=='false'}
for flow,pts in edges:
    dash=' stroke-dasharray="4 3"' if flow.get('sourceRef') in boundaries or (els.get(flow.get('sourceRef')) is not None and tag(els[flow.get('sourceRef')])=='serviceTask' and els[flow.get('sourceRef')].get('{%s}delegateExpression'%NS['camunda'],'').startswith(('${remind','${escalate'))) else ''
    out.append(f'<polyline points="{" ".join(f"{x:g},{y:g}" for x,y in pts)}" fill="none" stroke="#333"{dash} marker-end="url(#a)"/>')
    if flow.get('name'):
        (x1,y1),(x2,y2)=pts[-2],pts[-1]
        out.append(f'<text x="{(x1+x2)/2+4:g}" y="{(y1+y2)/2-4:g}" fill="#555">{esc(flow.get("name"))}</text>')
for e,x,y,w,h in shapes:
    t=tag(e); name=esc(e.get('name')); cx,cy=x+w/2,y+h/2
    if t in ('startEvent','endEvent','boundaryEvent'):
        sw={'endEvent':3}.get(t,1)
        dash=' stroke-dasharray="3 2"' if t=='boundaryEvent' and e.get('cancelActivity')=='false' else ''
        out.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{w/2:g}" fill="white" stroke="#333" stroke-width="{sw}"{dash}/>')
        if t=='boundaryEvent' and e.find('bpmn:timerEventDefinition',NS) is not None:
            out.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{w/2-5:g}" fill="none" stroke="#333"/>'
                       f'<polyline points="{cx:g},{cy-8:g} {cx:g},{cy:g} {cx+6:g},{cy+3:g}" fill="none" stroke="#333"/>')
        elif t=='boundaryEvent':
            out.append(f'<text x="{cx:g}" y="{cy+5:g}" text-anchor="middle" font-size="14">⚡</text>')
        if t=='boundaryEvent':
            host=[b for b in shapes if b[0].get('id')==e.get('attachedToRef')][0]
            above=cy<=host[2]+1
            ly=y-6 if above else y+h+14
            first=e.get('id').endswith('DueSoon')
            out.append(f'<text x="{cx+(-20 if first else 20):g}" y="{ly:g}" text-anchor="{"end" if first else "start"}" fill="#555">{name}</text>')
        else:
            out.append(f'<text x="{cx:g}" y="{y+h+14:g}" text-anchor="middle" fill="#555">{name}</text>')
    elif t=='exclusiveGateway':
        out.append(f'<polygon points="{cx:g},{y:g} {x+w:g},{cy:g} {cx:g},{y+h:g} {x:g},{cy:g}" fill="#fff8e1" stroke="#333"/><text x="{cx:g}" y="{cy+5:g}" text-anchor="middle" font-size="16">×</text>')
        out.append(f'<text x="{cx:g}" y="{y+h+17:g}" text-anchor="middle" fill="#555">{name}</text>')
    else:
        fill='#e8f1fb' if t=='userTask' else '#eef7ee'
        out.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="10" fill="{fill}" stroke="#333"/>')
        kind='人工' if t=='userTask' else '自动'
        out.append(f'<text x="{x+4:g}" y="{y+13:g}" font-size="10" fill="#777">{kind}</text>')
        words=e.get('name') or ''; lines=[words] if len(words)<=8 else [words[i:i+8] for i in range(0,len(words),8)]
        for i,l in enumerate(lines):
            out.append(f'<text x="{cx:g}" y="{cy+4+(i-(len(lines)-1)/2)*15:g}" text-anchor="middle">{esc(l)}</text>')
out.append('</svg>')
open(sys.argv[2],'w').write('\n'.join(out)+'\n')
