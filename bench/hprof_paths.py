#!/usr/bin/env python3
"""What keeps objects alive in a heap dump (HPROF, from jcmd GC.heap_dump or LinkBench -Dbench.heapDumpAt=N).

  bench/hprof_paths.py DUMP.hprof [--int-array-kb 30-45] [--class com.sun.prism.sw.SWRTTexture] [--paths 5]

Counts instances per class, picks the targets (int[] arrays of the given size in KB, or instances of a class), and
prints, for a few of them, the shortest chain of references from a GC root (class, field) and how many targets each
distinct chain holds. Pure Python, no dependencies; memory about 10x the dump's object count in small tuples.
"""
import argparse
import collections
import mmap
import struct
import sys

BASIC_SIZES = {2: None, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
ROOT_NAMES = {0xFF: "unknown root", 0x01: "JNI global", 0x02: "JNI local", 0x03: "Java frame", 0x04: "native stack",
              0x05: "sticky class", 0x06: "thread block", 0x07: "monitor", 0x08: "thread object", 0x89: "internal"}


class Dump:
    def __init__(self, path):
        self.f = open(path, "rb")
        self.m = mmap.mmap(self.f.fileno(), 0, access=mmap.ACCESS_READ)
        end = self.m.find(b"\0")
        self.idsize = struct.unpack(">I", self.m[end + 1:end + 5])[0]
        self.idfmt = ">Q" if self.idsize == 8 else ">I"
        self.pos = end + 1 + 4 + 8
        self.strings = {}
        self.class_names = {}  # class object id -> name
        self.classes = {}  # class id -> (super id, [(field name id, type)])
        self.static_refs = {}  # class id -> [(name, ref)]
        self.objects = {}  # id -> (class id or -1 for arrays, kind, offset)
        self.refs = {}  # id -> tuple of referenced ids
        self.roots = {}  # id -> root kind
        self.prim_arrays = {}  # id -> (type, length)
        self.obj_array_class = {}

    def read_id(self, at):
        return struct.unpack_from(self.idfmt, self.m, at)[0]

    def parse(self):
        m, n = self.m, len(self.m)
        pos = self.pos
        while pos < n:
            tag = m[pos]
            length = struct.unpack_from(">I", m, pos + 5)[0]
            body = pos + 9
            if tag == 0x01:
                sid = self.read_id(body)
                self.strings[sid] = m[body + self.idsize:body + length].decode("utf-8", "replace")
            elif tag == 0x02:
                cid = self.read_id(body + 4)
                nid = self.read_id(body + 8 + self.idsize)
                self.class_names[cid] = nid
            elif tag in (0x0C, 0x1C):
                self.parse_heap(body, body + length)
            pos = body + length
        self.class_names = {cid: self.strings.get(nid, "?").replace("/", ".") for cid, nid in self.class_names.items()}

    def parse_heap(self, pos, end):
        m, ids, rid = self.m, self.idsize, self.read_id
        while pos < end:
            sub = m[pos]
            pos += 1
            if sub in (0xFF, 0x05, 0x07):
                self.roots.setdefault(rid(pos), ROOT_NAMES[sub]); pos += ids
            elif sub == 0x01:
                self.roots.setdefault(rid(pos), ROOT_NAMES[sub]); pos += 2 * ids
            elif sub in (0x02, 0x03, 0x08):
                self.roots.setdefault(rid(pos), ROOT_NAMES[sub]); pos += ids + 8
            elif sub in (0x04, 0x06):
                self.roots.setdefault(rid(pos), ROOT_NAMES[sub]); pos += ids + 4
            elif sub == 0x20:
                cid = rid(pos)
                superid = rid(pos + 4 + ids)
                pos += 4 + 7 * ids + 4
                cp = struct.unpack_from(">H", m, pos)[0]; pos += 2
                for _ in range(cp):
                    t = m[pos + 2]; pos += 3 + (BASIC_SIZES[t] or ids)
                statics = struct.unpack_from(">H", m, pos)[0]; pos += 2
                srefs = []
                for _ in range(statics):
                    name = rid(pos); t = m[pos + ids]; pos += ids + 1
                    if t == 2:
                        r = rid(pos)
                        if r:
                            srefs.append((self.strings.get(name, "?"), r))
                    pos += BASIC_SIZES[t] or ids
                self.static_refs[cid] = srefs
                count = struct.unpack_from(">H", m, pos)[0]; pos += 2
                fields = []
                for _ in range(count):
                    fields.append((rid(pos), m[pos + ids])); pos += ids + 1
                self.classes[cid] = (superid, fields)
            elif sub == 0x21:
                oid = rid(pos); cid = rid(pos + 4 + ids)
                nbytes = struct.unpack_from(">I", m, pos + 4 + 2 * ids)[0]
                start = pos + 8 + 2 * ids
                self.objects[oid] = (cid, "instance", start)
                pos = start + nbytes
            elif sub == 0x22:
                oid = rid(pos); count = struct.unpack_from(">I", m, pos + 4 + ids)[0]
                acid = rid(pos + 8 + ids)
                start = pos + 8 + 2 * ids
                fmt = ">%d%s" % (count, "Q" if ids == 8 else "I")
                self.refs[oid] = tuple(r for r in struct.unpack_from(fmt, m, start) if r)
                self.objects[oid] = (acid, "objarray", start)
                pos = start + count * ids
            elif sub == 0x23:
                oid = rid(pos); count = struct.unpack_from(">I", m, pos + 4 + ids)[0]; t = m[pos + 8 + ids]
                self.prim_arrays[oid] = (t, count)
                self.objects[oid] = (-1, "primarray", 0)
                pos += 9 + ids + count * BASIC_SIZES[t]
            else:
                raise ValueError("unknown heap sub-record 0x%x at %d" % (sub, pos - 1))

    def field_layout(self, cid):
        """[(name, type)] in dump order: the class's own fields first, then its superclasses'."""
        out = []
        while cid and cid in self.classes:
            superid, fields = self.classes[cid]
            out.extend((self.strings.get(name, "?"), t) for name, t in fields)
            cid = superid
        return out

    def instance_refs(self, oid):
        cid, kind, start = self.objects[oid]
        if kind != "instance":
            return []
        out, pos = [], start
        for name, t in self.layout_cache.setdefault(cid, self.field_layout(cid)):
            if t == 2:
                r = self.read_id(pos)
                if r:
                    out.append((name, r))
                pos += self.idsize
            else:
                pos += BASIC_SIZES[t]
        return out

    def build_refs(self):
        """Strong references only: a Reference's referent (weak, soft, phantom, finalizer) keeps nothing alive."""
        self.layout_cache = {}
        for oid, (cid, kind, _) in self.objects.items():
            if kind == "instance":
                self.refs[oid] = tuple(r for n, r in self.instance_refs(oid) if n not in ("referent", "discovered"))
        for cid, srefs in self.static_refs.items():
            self.refs[cid] = tuple(r for _, r in srefs)

    def name(self, oid):
        if oid in self.class_names and oid not in self.objects:
            return "class " + self.class_names[oid]
        cid, kind, _ = self.objects.get(oid, (None, "?", 0))
        if kind == "primarray":
            t, count = self.prim_arrays[oid]
            return "%s[%d]" % ({4: "boolean", 5: "char", 6: "float", 7: "double", 8: "byte", 9: "short",
                                10: "int", 11: "long"}[t], count)
        return self.class_names.get(cid, "?") + ("" if kind == "instance" else "[]")

    def edge_label(self, holder, target):
        if holder in self.static_refs and holder not in self.objects:
            return next(("static " + n for n, r in self.static_refs[holder] if r == target), "static ?")
        if self.objects.get(holder, (0, ""))[1] == "instance":
            return next((n for n, r in self.instance_refs(holder) if r == target), "?")
        return "[]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--int-array-kb", default="30-45")
    ap.add_argument("--class", dest="cls", action="append", default=[])
    ap.add_argument("--paths", type=int, default=4)
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    d = Dump(a.dump)
    d.parse()
    d.build_refs()
    counts, sizes = collections.Counter(), collections.Counter()
    for oid, (cid, kind, _) in d.objects.items():
        key = d.name(oid) if kind == "primarray" else d.class_names.get(cid, "?") + ("[]" if kind == "objarray" else "")
        if kind == "primarray":
            t, n = d.prim_arrays[oid]
            key = key.split("[")[0] + "[]"
            sizes[key] += n * BASIC_SIZES[t]
        counts[key] += 1
    print("objects: %d, GC roots: %d" % (len(d.objects), len(d.roots)))
    print("most instances:", ", ".join("%s %d" % kv for kv in counts.most_common(a.top)))
    lo, hi = (float(x) * 1024 for x in a.int_array_kb.split("-"))
    targets = {"int[] of %s KB" % a.int_array_kb: [o for o, (t, n) in d.prim_arrays.items() if t == 10 and lo <= n * 4 <= hi]}
    for cls in a.cls:
        targets[cls] = [o for o, (cid, kind, _) in d.objects.items() if kind == "instance" and d.class_names.get(cid) == cls]
    back = collections.defaultdict(list)
    for holder, refs in d.refs.items():
        for r in refs:
            back[r].append(holder)
    for what, objs in targets.items():
        print("\n== %s: %d" % (what, len(objs)))
        chains = collections.Counter()
        examples = {}
        for oid in objs:
            # Breadth first towards a GC root over the reverse references: the shortest chain that keeps it.
            prev, queue, found = {oid: None}, collections.deque([oid]), None
            while queue and found is None:
                cur = queue.popleft()
                if cur in d.roots or (cur in d.class_names and cur not in d.objects):
                    found = cur
                    break
                for h in back.get(cur, ()):
                    if h not in prev:
                        prev[h] = cur
                        queue.append(h)
            chain, cur = [], found
            while cur is not None:
                nxt = prev[cur]
                label = d.name(cur) + ("" if nxt is None else " ." + d.edge_label(cur, nxt))
                chain.append(label)
                cur = nxt
            root = d.roots.get(found, "static field") if found is not None else "no root found"
            key = (root,) + tuple(c.split(" .")[0] if i == len(chain) - 1 else c for i, c in enumerate(chain))
            chains[key] += 1
            examples.setdefault(key, chain)
        for key, n in chains.most_common(a.paths):
            print("\n%d held through (root: %s):" % (n, key[0]))
            for step in key[1:]:
                print("   " + step)


if __name__ == "__main__":
    sys.exit(main())
