import shutil, subprocess, yaml, os, sys
G='/work/main/tests/heldout86/gold'; M='/tmp/ho86/mut'
def L(stem,f): return yaml.safe_load(open(f'{G}/{stem}/{f}',encoding='utf-8'))
A,B,C='cf1_binh_dinh_2021','cf2_viet_yen_2023','cf3_xuan_giang_2025'
muts=[
 ('doc1 number 86->68',A,'document.yaml',lambda d:d.update(number='68/KH-UBND')),
 ('doc1 issued_date 2021-05-41',A,'document.yaml',lambda d:d.update(issued_date='2021-05-41')),
 ('doc2 issued_year 2022',B,'document.yaml',lambda d:d.update(issued_year=2022)),
 ('doc2 issuer.level province',B,'document.yaml',lambda d:d['issuer'].update(level='province')),
 ('doc3 drop legal_basis 46/KH-UBND',C,'document.yaml',lambda d:d['legal_basis'].pop(2)),
 ('doc1 legal date 2018-12-28',A,'document.yaml',lambda d:d['legal_basis'][1].update(date='2018-12-28')),
 ('doc3 subdimension 6.5',C,'document.yaml',lambda d:[x.update(subdimension='6.5') for x in d['indicators'] if x['subdimension']]),
 ('doc1 score change sign +0.09',A,'document.yaml',lambda d:d['scores'][2].update(change=0.09)),
 ('doc2 score value 42.68',B,'document.yaml',lambda d:d['scores'][0].update(value=42.68)),
 ('doc2 rank 39',B,'document.yaml',lambda d:d['scores'][0].update(rank=39)),
 ('doc1 section kind tasks->other',A,'document.yaml',lambda d:d['sections'][0].update(kind='purposes')),
 ('doc2 extra key',B,'document.yaml',lambda d:d.update(author='x')),
 ('doc3 recipient keeps (b/c)',C,'document.yaml',lambda d:d['recipients'].__setitem__(0,'UBND huyện Nghi Xuân (b/c)')),
 ('doc1 task text altered',A,'tasks.yaml',lambda d:d['tasks'][0].update(text=d['tasks'][0]['text']+' cấp tỉnh')),
 ('doc1 directing misspelt',A,'tasks.yaml',lambda d:d['tasks'][0].update(directing=['Phó Chủ tịch UBND tỉnh Trần Minh Khải'])),
 ('doc2 lead with đồng chí',B,'tasks.yaml',lambda d:d['tasks'][0].update(directing=['đồng chí Phó Chủ tịch UBND huyện phụ trách khối văn xã'])),
 ('doc2 quarter III->IV bounds',B,'tasks.yaml',lambda d:d['tasks'][7]['deadlines'][0].update(start='2023-10-01',end='2023-12-31')),
 ('doc2 recurrence semiannual->annual',B,'tasks.yaml',lambda d:d['tasks'][5]['deadlines'][0].update(recurrence='annual')),
 ('doc3 by_date end 2025-09-31',C,'tasks.yaml',lambda d:d['tasks'][17]['deadlines'][0].update(end='2025-09-31')),
 ('doc3 month 5 end 2025-05-30',C,'tasks.yaml',lambda d:d['tasks'][13]['deadlines'][0].update(end='2025-05-30')),
 ('doc3 continuous given end',C,'tasks.yaml',lambda d:d['tasks'][15]['deadlines'][0].update(end='2025-12-31')),
 ('doc3 kind enum weekly',C,'tasks.yaml',lambda d:d['tasks'][7]['deadlines'][0].update(kind='weekly')),
 ('doc3 output not in text',C,'tasks.yaml',lambda d:d['tasks'][0].update(output='Biên bản họp thôn')),
 ('doc1 origin row',A,'tasks.yaml',lambda d:d['tasks'][3].update(origin='row')),
 ('doc2 task dim 9',B,'tasks.yaml',lambda d:d['tasks'][3].update(dimension=9)),
 ('doc3 task subdimension 5.4 under dim 5 (no such mention)',C,'tasks.yaml',lambda d:d['tasks'][8].update(subdimension='5.4')),
 ('doc1 missing deadline key recurrence',A,'tasks.yaml',lambda d:d['tasks'][4]['deadlines'][0].pop('recurrence')),
 ('doc2 drop a task (count 22 still ok?) -> drop 4 tasks',B,'tasks.yaml',lambda d:[d['tasks'].pop() for _ in range(4)]),
 ('doc3 event with start',C,'tasks.yaml',lambda d:d['tasks'][3]['deadlines'][0].update(start='2025-01-01')),
 ('doc1 year bounds 2020',A,'tasks.yaml',lambda d:d['tasks'][5]['deadlines'][0].update(start='2020-01-01',end='2020-12-31')),
]
fails=0
for name,stem,f,fn in muts:
    shutil.rmtree(M,ignore_errors=True); shutil.copytree(G,M)
    d=L(stem,f); fn(d)
    yaml.safe_dump(d,open(f'{M}/{stem}/{f}','w',encoding='utf-8'),allow_unicode=True,sort_keys=False)
    r=subprocess.run(['/work/main/.venv/bin/python','/tmp/ho86/check.py',M],capture_output=True,text=True)
    first=[l for l in r.stdout.splitlines() if l.startswith('PROBLEM')][:1]
    ok=r.returncode!=0; fails+= not ok
    print(('CAUGHT ' if ok else 'MISSED ')+name+' -> '+(first[0][8:110] if first else ''))
print(f'{len(muts)} mutations, {len(muts)-fails} caught, {fails} missed')
shutil.rmtree(M,ignore_errors=True)
