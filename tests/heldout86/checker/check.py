"""Checker for tests/heldout86 gold. Does not import papi_extract. Usage: check.py [GOLD_ROOT]"""
import sys, os, re, html, unicodedata, datetime, calendar, yaml
ROOT='/work/main/tests/heldout86'; DOCS=ROOT+'/docs'
GOLD=sys.argv[1] if len(sys.argv)>1 else ROOT+'/gold'
REF='/work/main/tests/heldout49/gold/au1_nam_dinh_2025'
probs=[]
def P(where,msg): probs.append(f'{where}: {msg}')
def fold(s):
    s=unicodedata.normalize('NFC',s).lower().replace('đ','d')
    s=''.join(c for c in unicodedata.normalize('NFD',s) if unicodedata.category(c)!='Mn')
    s=re.sub(r'[^0-9a-z]+',' ',s); return ' '.join(s.split())
def doctext(path):
    t=open(path,encoding='utf-8').read()
    if path.endswith('.html'):
        t=re.sub(r'<(style|head)[^>]*>.*?</\1>',' ',t,flags=re.S); t=re.sub(r'<[^>]+>',' ',t); t=html.unescape(t)
    return t
# reference keys from heldout49
rd=yaml.safe_load(open(REF+'/document.yaml',encoding='utf-8')); rt=yaml.safe_load(open(REF+'/tasks.yaml',encoding='utf-8'))
OPT={'comment'}
def keys(d): return set(d)-OPT
K={'doc':keys(rd),'issuer':keys(rd['issuer']),'signer':keys(rd['signer']),'period':keys(rd['period']),
   'lb':keys(rd['legal_basis'][0]),'sec':keys(rd['sections'][0]),'ind':keys(rd['indicators'][0]),'sc':keys(rd['scores'][0]),
   'task':keys(rt['tasks'][0]),'dl':keys(rt['tasks'][0]['deadlines'][0])}
def ck(where,d,k,extra=()):
    if not isinstance(d,dict): P(where,'not a mapping'); return False
    got=set(d)-OPT-set(extra)
    if got!=K[k]: P(where,f'keys differ: missing {sorted(K[k]-got)} extra {sorted(got-K[k])}')
    if 'comment' in d and not isinstance(d['comment'],str): P(where,'comment not a string')
    return True
SUBN={1:4,2:4,3:3,4:4,5:4,6:4,7:3,8:3}
def code(where,dim,sub,allow_null=True):
    if dim is None:
        if not allow_null: P(where,'dimension null')
        if sub is not None: P(where,'subdimension without dimension')
        return
    if not isinstance(dim,int) or not 1<=dim<=8: P(where,f'bad dimension {dim!r}'); return
    if sub is not None:
        m=re.fullmatch(r'([1-8])\.([1-9])',str(sub)) if isinstance(sub,str) else None
        if not m or int(m.group(1))!=dim or int(m.group(2))>SUBN[dim]: P(where,f'bad subdimension {sub!r} for dimension {dim}')
def iso(where,s,null_ok=True):
    if s is None:
        if not null_ok: P(where,'date null')
        return None
    try: return datetime.date.fromisoformat(s) if isinstance(s,str) and re.fullmatch(r'\d{4}-\d\d-\d\d',s) else P(where,f'not ISO {s!r}')
    except ValueError: P(where,f'not a real date {s!r}')
def intext(where,s,F):
    if not isinstance(s,str) or not s.strip(): P(where,f'empty/non-string {s!r}'); return
    if fold(s) not in F: P(where,f'not printed in text: {s[:70]!r}')
def dmy_in(raw,d):
    for pat in (f'{d.day}/{d.month}/{d.year}',f'{d.day:02d}/{d.month:02d}/{d.year}',f'{d.day:02d}/{d.month}/{d.year}',f'{d.day}/{d.month:02d}/{d.year}',
                f'{d.day} tháng {d.month} năm {d.year}',f'{d.day:02d} tháng {d.month:02d} năm {d.year}'):
        if re.search(r'(?<!\d)'+re.escape(pat)+r'(?!\d)',raw): return True
    return False
ROMAN={1:'I',2:'II',3:'III',4:'IV'}
LEVEL={'province':'tỉnh','district':None,'commune':None}
def nums(raw): return [float(x.replace(',','.')) for x in re.findall(r'\d+(?:,\d+)?',raw)]
stems=sorted(os.listdir(GOLD))
docs=sorted(os.listdir(DOCS))
if len(docs)!=3: P('docs','expected 3 documents')
if sorted(os.path.splitext(d)[0] for d in docs)!=stems: P('gold','gold dirs do not match documents')
years=set(); levels=set(); provs=set()
for stem in stems:
    g=os.path.join(GOLD,stem); W=stem
    try:
        doc=yaml.safe_load(open(g+'/document.yaml',encoding='utf-8')); tk=yaml.safe_load(open(g+'/tasks.yaml',encoding='utf-8'))
    except Exception as e: P(W,f'yaml error {e}'); continue
    src=[d for d in docs if os.path.splitext(d)[0]==stem]
    if not src: continue
    path=os.path.join(DOCS,src[0]); raw_text=doctext(path); F=' '+fold(raw_text)+' '
    size=os.path.getsize(path)
    if not 8000<=size<=16384: P(W,f'size {size} outside 8-16 KB')
    open(path,encoding='utf-8').read()
    ck(W+':document',doc,'doc')
    if doc.get('source')!=src[0]: P(W,f'source {doc.get("source")!r} != {src[0]!r}')
    num=doc.get('number'); sym=doc.get('symbol')
    if num: intext(W+':number',num,F)
    if num and sym and not num.endswith(sym): P(W,'symbol not the end of number')
    if doc.get('doc_type') not in ('Kế hoạch','Tin bài'): P(W,'doc_type')
    iss=doc.get('issuer') or {}; ck(W+':issuer',iss,'issuer')
    lv=iss.get('level'); levels.add(lv)
    if lv not in ('province','district','commune',None): P(W,f'issuer.level {lv!r}')
    ut={'province':'tỉnh','district':'huyện','commune':'xã'}.get(lv)
    if iss.get('unit_type')!=ut: P(W,f'unit_type {iss.get("unit_type")!r} for level {lv}')
    if lv=='province' and iss.get('locality') is not None: P(W,'province issuer with locality')
    if lv!='province' and iss.get('locality'): intext(W+':issuer.locality',iss['locality'],F)
    intext(W+':issuer.province',iss.get('province'),F); provs.add(iss.get('province'))
    if fold(iss.get('name','')).replace('uy ban nhan dan','ubnd') and not (fold(iss['name'].replace('Ủy ban nhân dân','')).strip() in F): P(W,'issuer name tail not in text')
    intext(W+':place',doc.get('place'),F)
    dt=iso(W+':issued_date',doc.get('issued_date'))
    if dt:
        if not dmy_in(raw_text,dt) and not re.search(rf'ngày {dt.day:02d}|ngày {dt.day}\b',raw_text): P(W,'issued date not printed')
        if f'tháng {dt.month:02d} năm {dt.year}' not in raw_text and f'tháng {dt.month} năm {dt.year}' not in raw_text: P(W,'issued month/year not printed')
        if doc.get('issued_year')!=dt.year: P(W,'issued_year != date year')
        years.add(dt.year)
    intext(W+':title',doc.get('title'),F)
    if 'KẾ HOẠCH' in (doc.get('title') or ''): P(W,'title keeps KẾ HOẠCH')
    per=doc.get('period')
    if per is not None:
        ck(W+':period',per,'period')
        if not (isinstance(per.get('start_year'),int) and isinstance(per.get('end_year'),int) and per['start_year']<=per['end_year']): P(W,'period')
        elif str(per['end_year']) not in doc.get('title',''): P(W,'period end year not in title')
    seen=set()
    for i,lb in enumerate(doc.get('legal_basis') or []):
        w=f'{W}:legal_basis[{i}]'; ck(w,lb,'lb'); intext(w+'.number',lb.get('number'),F)
        if lb.get('number') in seen: P(w,'duplicate number'); 
        seen.add(lb.get('number'))
        d=iso(w+'.date',lb.get('date'))
        if d:
            idx=raw_text.find(lb['number']); seg=raw_text[idx:idx+120]
            if not dmy_in(seg,d): P(w,f'date {d} not printed after the number')
        if lb.get('issuer'): intext(w+'.issuer',lb['issuer'],F)
        if lb.get('doc_type'): intext(w+'.doc_type',lb['doc_type'],F)
    # every number-like reference in text listed
    for m in re.finditer(r'số\s+(\d+[a-z]?/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ\-]*(?:-[A-ZĐ]+)*\d*)',raw_text):
        if m.group(1).rstrip('-') not in seen: P(W,f'cited number {m.group(1)!r} not in legal_basis')
    sg=doc.get('signer') or {}; ck(W+':signer',sg,'signer'); intext(W+':signer.name',sg.get('name'),F)
    if sg.get('position'): intext(W+':signer.position',sg['position'],F)
    au=sg.get('authority') or ''
    for part in au.split(' / '): intext(W+':signer.authority',part,F)
    for i,r in enumerate(doc.get('recipients') or []):
        intext(f'{W}:recipients[{i}]',r,F)
        if re.search(r'\((b/c|t/h)\)|[;.]$',r): P(f'{W}:recipients[{i}]','keeps (b/c)/(t/h) or trailing ;/.')
    secs=doc.get('sections') or []
    for i,s in enumerate(secs):
        w=f'{W}:sections[{i}]'; ck(w,s,'sec')
        if s.get('kind') not in ('purpose','objectives','limitations','tasks','organization','appendix','other'): P(w,'kind')
        if s.get('level') not in (1,2,3,4,5): P(w,'level')
        lab=s.get('label'); lvl=s.get('level')
        if isinstance(lab,str) and re.fullmatch(r'[IVX]+',lab) and lvl!=1: P(w,'roman label not level 1')
        if isinstance(lab,str) and re.fullmatch(r'\d+',lab) and lvl!=2: P(w,'arabic label not level 2 under roman')
        if s.get('title','').endswith(':'): P(w,'title ends with :')
        if lab and not re.search(r'(?<![\w.])'+re.escape(lab)+r'[.)]?\s*(\*\*)?\s*'+re.escape(s.get('title','')),re.sub(r'<[^>]+>','',raw_text).replace('#','').replace('*','')): P(w,f'heading "{lab}. {s.get("title")}" not printed')
        if lvl and lvl>1:
            par=[p for p in secs[:i] if p['level']<lvl][-1:]
            if par and par[0]['kind']!=s['kind'] and s['kind'] not in ('purpose','objectives','limitations'): P(w,'kind differs from parent')
    for i,x in enumerate(doc.get('indicators') or []):
        w=f'{W}:indicators[{i}]'; ck(w,x,'ind'); code(w,x.get('dimension'),x.get('subdimension'),False); intext(w+'.raw',x.get('raw'),F)
    keyset=set()
    for i,x in enumerate(doc.get('scores') or []):
        w=f'{W}:scores[{i}]'; ck(w,x,'sc'); code(w,x.get('dimension'),x.get('subdimension'))
        raw=x.get('raw') or ''; intext(w+'.raw',raw,F); ns=nums(raw)
        if x.get('kind') not in ('actual','change','target'): P(w,'kind')
        if not isinstance(x.get('year'),int) or not 2010<=x['year']<=2026: P(w,'year')
        elif str(x['year']) not in raw and not (dt is not None and x['year']==dt.year-1 and '|' not in raw and x['kind']=='actual' and x.get('change') is None) and x['kind']!='target':
            if not re.search(str(x['year']),raw_text): P(w,'year nowhere printed')
        for f in ('value','change'):
            v=x.get(f)
            if v is not None:
                if not isinstance(v,(int,float)): P(w,f'{f} not a number')
                elif not any(abs(abs(v)-n)<1e-9 for n in ns): P(w,f'{f} {v} not in raw')
        c=x.get('change')
        if c is not None:
            r=fold(raw); num_s=f'{abs(c):.2f}'.replace('.',',')
            seg=fold(raw[max(0,raw.find(num_s)-25):raw.find(num_s)]) if num_s in raw else r
            if c<0 and 'giam' not in seg: P(w,'negative change without giảm')
            if c>0 and 'tang' not in seg: P(w,'positive change without tăng')
        if (x.get('rank') is None)!=(x.get('rank_of') is None): P(w,'rank/rank_of')
        if x.get('rank') is not None and f"{x['rank']}/{x['rank_of']}" not in raw: P(w,'rank not in raw')
        if x.get('kind')=='target' and per and x.get('year')!=per['start_year']: P(w,'target year is not the plan year')
        if x.get('kind')=='change' and (x.get('value') is not None or x.get('change') is None): P(w,'change record needs change and no value')
        k=(x.get('dimension'),x.get('subdimension'),x.get('year'),x.get('kind'))
        if k in keyset: P(w,f'duplicate score key {k}')
        keyset.add(k)
    # tasks
    tasks=tk.get('tasks') if isinstance(tk,dict) else None
    if set(tk or {})!={'tasks'}: P(W,'tasks.yaml top keys')
    if not tasks or not 20<=len(tasks)<=30: P(W,f'task count {len(tasks or [])}')
    inddims={(x['dimension'],x.get('subdimension')) for x in doc.get('indicators') or []}
    py=per['start_year'] if per else None
    for i,t in enumerate(tasks or []):
        w=f'{W}:tasks[{i}]'; ck(w,t,'task',('appendix',))
        intext(w+'.text',t.get('text'),F)
        if t.get('origin') not in ('table','list','prose'): P(w,'origin')
        code(w,t.get('dimension'),t.get('subdimension'))
        if t.get('dimension') is not None and (t['dimension'],t.get('subdimension')) not in inddims: P(w,'task code matches no indicator mention')
        for f in ('lead','support','directing'):
            v=t.get(f)
            if not isinstance(v,list): P(w,f'{f} not a list'); continue
            for a in v:
                intext(f'{w}.{f}',a,F)
                if re.match(r'(?i)(đề nghị|với|cùng|đồng chí)\s',a or ''): P(f'{w}.{f}',f'leading word kept in {a!r}')
            if len(set(map(fold,v)))!=len(v): P(w,f'{f} duplicate')
        if set(map(fold,t.get('lead') or []))&set(map(fold,t.get('support') or [])): P(w,'agency both lead and support')
        if t.get('output') is not None: intext(w+'.output',t['output'],F)
        if t.get('label') is not None and not isinstance(t['label'],str): P(w,'label not a string')
        dls=t.get('deadlines')
        if not isinstance(dls,list): P(w,'deadlines not a list'); continue
        for j,d in enumerate(dls):
            wd=f'{w}.deadlines[{j}]'; ck(wd,d,'dl'); raw=d.get('raw') or ''
            intext(wd+'.raw',raw,F)
            if fold(raw) not in fold(t.get('text','')) and t.get('origin')=='list' and t.get('dimension') is not None: P(wd,'raw not in the item text')
            k=d.get('kind'); s=iso(wd+'.start',d.get('start')); e=iso(wd+'.end',d.get('end')); rec=d.get('recurrence')
            if rec not in (None,'quarterly','semiannual','annual','monthly'): P(wd,'recurrence enum')
            if k not in ('date','by_date','month','quarter','year','year_range','recurring','continuous','event','per_plan','unspecified'): P(wd,'kind enum'); continue
            if rec is not None and k not in ('recurring','per_plan'): P(wd,'recurrence on non-recurring kind')
            if s and e and s>e: P(wd,'start after end')
            if k=='date' and not (s and s==e and dmy_in(raw,s)): P(wd,'date bounds')
            if k=='by_date' and not (s is None and e and dmy_in(raw,e)) and not (s is None and e and re.search(r'(năm|6 tháng)',raw)): P(wd,'by_date bounds')
            if k=='month':
                m=re.search(r'(?i)tháng\s*(\d{1,2})\s*/\s*(\d{4})',raw)
                if not (m and s and e and s==datetime.date(int(m.group(2)),int(m.group(1)),1) and e==datetime.date(s.year,s.month,calendar.monthrange(s.year,s.month)[1])): P(wd,'month bounds/raw')
            if k=='quarter':
                if not (s and e and s.day==1 and s.month in (1,4,7,10) and e.month==s.month+2 and e.day==calendar.monthrange(e.year,e.month)[1] and e.year==s.year): P(wd,'quarter bounds')
                else:
                    q=(s.month-1)//3+1; rn=[ROMAN[n] for n in range(1,5)]
                    found=re.findall(r'(?i)quý\s*(IV|III|II|I)\b',raw); fq={rn.index(x.upper())+1 for x in found}
                    if len(fq)==2: fq=set(range(min(fq),max(fq)+1))
                    if q not in fq: P(wd,f'quarter {q} not in raw')
                    yy=re.findall(r'\d{4}',raw)
                    if (yy and int(yy[-1])!=s.year) or (not yy and s.year!=py): P(wd,'quarter year')
            if k=='year':
                yy=re.findall(r'\d{4}',raw)
                if not (s and e and yy and s==datetime.date(int(yy[0]),1,1) and e==datetime.date(int(yy[0]),12,31)): P(wd,'year bounds')
            if k=='year_range':
                yy=re.findall(r'\d{4}',raw)
                if not (s and e and len(yy)>=2 and s.year==int(yy[0]) and e.year==int(yy[1]) and s.month==1 and e.month==12): P(wd,'year_range bounds')
            if k=='continuous':
                if e is not None: P(wd,'continuous with end')
                if s is not None:
                    m=re.search(r'(?i)từ\s+tháng\s*(\d{1,2})/(\d{4})',raw)
                    if not (m and s==datetime.date(int(m.group(2)),int(m.group(1)),1)): P(wd,'continuous start not from raw')
                elif re.search(r'(?i)\btừ\b',raw): P(wd,'continuous "từ" without start')
            if k in ('event','unspecified') and (s or e): P(wd,f'{k} with bounds')
            if k=='recurring':
                r=fold(raw)
                want='semiannual' if '6 thang' in r else 'quarterly' if 'quy' in r else 'annual' if re.search(r'(hang|hang) nam',r) else None
                if rec!=want: P(wd,f'recurrence {rec} vs raw (want {want})')
                if (s or e) and not re.search(r'\d{4}',raw): P(wd,'recurring bounds without years in raw')
            if k=='unspecified' and 'quy dinh' not in fold(raw) and 'huong dan' not in fold(raw): P(wd,'unspecified raw')
            if k=='event' and not re.search(r'(?i)(trước kỳ|trước năm học|khi có|sau khi|ngay khi)',raw): P(wd,'event raw')
            if k=='by_date' and not re.search(r'(?i)(trước|chậm nhất|đến)',raw): P(wd,'by_date raw')
        if t.get('origin')=='table' and not t.get('label'): P(w,'table row without number')
if len(years)!=3 or not all(2019<=y<=2025 for y in years): P('set',f'years {sorted(years)}')
if levels!={'province','district','commune'}: P('set',f'levels {levels}')
if len(provs)!=3: P('set',f'provinces {provs}')
for p in probs: print('PROBLEM',p)
print(f'{len(probs)} problem(s)'); sys.exit(1 if probs else 0)
