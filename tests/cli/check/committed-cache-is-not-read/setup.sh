# A pull request commits a cache next to a broken plan (git add -f .bbg/cache.db): a cache of
# this very repository in which the broken file's content (by its SHA-256) has the valid file's
# outcome, every checksum right. bbg never reads a cache from the repository, so it finds the
# error anyway (and .bbg/cache.db is not touched: expected_diff is empty but for nothing).
cp "$FIXTURES/hostile/valid-minimal.yaml" plans/plan.yaml
BBG_CACHE_DIR=$PWD/../forged "$BBG" check >/dev/null
mkdir -p .bbg
cp ../forged/*.db .bbg/cache.db
sed -i "s/status: planned/status: finished/" plans/plan.yaml
/usr/bin/python3 - .bbg/cache.db plans/plan.yaml <<'PY'
import hashlib, sqlite3, sys
M, MASK = 0xc6a4a7935bd1e995, (1 << 64) - 1
def fast_hash64(data, seed):  # util::fast_hash64
    h = (seed ^ (len(data) * M)) & MASK
    whole = len(data) // 8 * 8
    for i in range(0, whole, 8):
        k = (int.from_bytes(data[i:i + 8], "little") * M) & MASK
        k = ((k ^ (k >> 47)) * M) & MASK
        h = ((h ^ k) * M) & MASK
    if len(data) > whole:
        h = ((h ^ int.from_bytes(data[whole:], "little")) * M) & MASK
    h ^= h >> 47
    h = (h * M) & MASK
    return h ^ (h >> 47)
def checksum(path, sha, payload):  # store::row_checksum
    h = fast_hash64(path.encode(), 0x62626763616368)
    return fast_hash64(payload, fast_hash64(sha, h))
def signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v
db, plan = sys.argv[1:3]
sha = hashlib.sha256(open(plan, "rb").read()).digest()
c = sqlite3.connect(db)
(summary,) = c.execute("SELECT blob FROM summary WHERE path = 'plans/plan.yaml'").fetchone()
c.execute("INSERT INTO summary VALUES (?, ?, ?, ?)", ("plans/plan.yaml", sha, summary, signed(checksum("plans/plan.yaml", sha, summary))))
c.execute("UPDATE seen SET sha = ?", (sha,))
c.commit()
PY
