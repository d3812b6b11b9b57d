namespace IcsComplaints.UnitTests;

/// <summary>
/// A reader of a published output who tries to work out what it withholds. It knows every figure shown, every sum
/// the output's definitions imply (written by the tests from the definitions, not taken from the code under test),
/// that counts are whole numbers of at least zero and that a withheld figure is never zero (zeros are shown). A
/// number is worked out when no other set of whole numbers agrees with all of that. The reader first combines the
/// sums (Gaussian elimination, so that what follows from several sums together is as plain as what follows from
/// one), narrows every unknown by all of them (totals minus shown parts, chained), then searches for a second world
/// in which the number differs, close to the true one. Its numbers are capped well above the true ones, and a number
/// for which no second world turns up counts as worked out: both make it a stronger reader than a real one, never a
/// weaker.
/// </summary>
public sealed class PublishedFiguresReader
{
    private const int SearchBudget = 20_000;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<int> _truth = [];
    private readonly List<int> _lowest = [];
    private readonly List<int?> _shown = [];
    private readonly List<Dictionary<int, long>> _sums = [];
    private List<Row>? _rows;

    /// <summary>Every name the reader knows of.</summary>
    public IEnumerable<string> Names => _index.Keys;

    /// <summary>A figure of the output: shown (<paramref name="shown"/> is its value) or withheld (<c>null</c>).</summary>
    public void Figure(string name, int truth, int? shown)
    {
        if (shown is { } value)
        {
            Assert.True(value == truth, $"{name} is shown as {value} but is {truth}");
        }
        Add(name, truth, shown, shown is null ? 1 : 0);
    }

    /// <summary>A number the output does not show but that follows from what it shows, such as the rest of a rate.</summary>
    public void Unpublished(string name, int truth) => Add(name, truth, null, 0);

    /// <summary><paramref name="total"/> is the sum of <paramref name="parts"/>.</summary>
    public void Total(string total, params IEnumerable<string> parts)
    {
        var sum = new Dictionary<int, long> { [_index[total]] = 1 };
        foreach (var part in parts)
        {
            sum[_index[part]] = sum.GetValueOrDefault(_index[part]) - 1;
        }
        _sums.Add(sum);
        _rows = null;
    }

    /// <summary>True when the figure is shown.</summary>
    public bool IsShown(string name) => _shown[_index[name]] is not null;

    /// <summary>The true value behind a name.</summary>
    public int Truth(string name) => _truth[_index[name]];

    /// <summary>The names among <paramref name="names"/> whose value the reader can work out although it is not shown.</summary>
    public IReadOnlyList<string> WorkedOut(IEnumerable<string> names)
    {
        _rows ??= Rows();
        return [.. names.Where(n => !IsShown(n) && IsDetermined(_index[n], _rows))];
    }

    private void Add(string name, int truth, int? shown, int lowest)
    {
        _index.Add(name, _truth.Count);
        _truth.Add(truth);
        _shown.Add(shown);
        _lowest.Add(lowest);
    }

    // The sums over the unknowns (shown figures moved to the right-hand side), and every combination of them that
    // elimination brings out.
    private List<Row> Rows()
    {
        var rows = _sums.Select(sum => new Row(
            sum.Where(t => _shown[t.Key] is null && t.Value != 0).ToDictionary(),
            -sum.Where(t => _shown[t.Key] is not null).Sum(t => t.Value * _shown[t.Key]!.Value))).Where(r => r.Terms.Count > 0).ToList();
        var reduced = rows.Select(r => new Row(new Dictionary<int, long>(r.Terms), r.Constant)).ToList();
        var pivots = 0;
        foreach (var column in reduced.SelectMany(r => r.Terms.Keys).Distinct().Order().ToList())
        {
            var pivotAt = reduced.FindIndex(pivots, r => r.Terms.GetValueOrDefault(column) != 0);
            if (pivotAt < 0)
            {
                continue;
            }
            (reduced[pivots], reduced[pivotAt]) = (reduced[pivotAt], reduced[pivots]);
            var pivot = reduced[pivots];
            for (var i = 0; i < reduced.Count; i++)
            {
                if (i != pivots && reduced[i].Terms.GetValueOrDefault(column) is var a and not 0)
                {
                    reduced[i] = reduced[i].Eliminate(pivot, column, a);
                }
            }
            pivots++;
        }
        return [.. rows, .. reduced.Where(r => r.Terms.Count > 0)];
    }

    // Worked out when the sums alone pin it, or when no second world turns up near the true one: the search widens
    // from one either side of every true number to eight, and one that finds nothing counts as worked out.
    private bool IsDetermined(int target, List<Row> rows)
    {
        var cap = (4 * _truth.Max()) + 20;
        var lo = _shown.Select((s, i) => (long)(s ?? _lowest[i])).ToArray();
        var hi = _shown.Select(s => (long)(s ?? cap)).ToArray();
        var related = Related(target, rows);
        var relevant = rows.Where(r => r.Terms.Keys.Any(related.Contains)).ToList();
        var byUnknown = related.ToDictionary(i => i, i => relevant.Where(r => r.Terms.ContainsKey(i)).ToList());
        if (!Narrow(lo, hi, byUnknown, relevant) || lo[target] == hi[target])
        {
            return true;
        }
        foreach (var window in new[] { 1, 3, 8 })
        {
            foreach (var step in new[] { -1, 1 })
            {
                var (l, h) = (lo.ToArray(), hi.ToArray());
                foreach (var i in related)
                {
                    l[i] = Math.Max(l[i], _truth[i] - window);
                    h[i] = Math.Min(h[i], _truth[i] + window);
                }
                (l[target], h[target]) = step < 0 ? (l[target], (long)_truth[target] - 1) : ((long)_truth[target] + 1, h[target]);
                var budget = SearchBudget;
                if (l[target] <= h[target] && Solvable(l, h, related, byUnknown, relevant, ref budget))
                {
                    return false;
                }
            }
        }
        return true;
    }

    // The unknowns tied to the target through sums: nothing else can stop it from moving.
    private static HashSet<int> Related(int target, List<Row> rows)
    {
        var related = new HashSet<int> { target };
        var frontier = new Queue<int>([target]);
        while (frontier.TryDequeue(out var unknown))
        {
            foreach (var other in rows.Where(r => r.Terms.ContainsKey(unknown)).SelectMany(r => r.Terms.Keys))
            {
                if (related.Add(other))
                {
                    frontier.Enqueue(other);
                }
            }
        }
        return related;
    }

    private bool Solvable(long[] lo, long[] hi, HashSet<int> related, Dictionary<int, List<Row>> byUnknown, IEnumerable<Row> changed, ref int budget)
    {
        if (--budget < 0 || !Narrow(lo, hi, byUnknown, changed))
        {
            return false;
        }
        var open = related.Where(i => lo[i] < hi[i]).ToList();
        if (open.Count == 0)
        {
            return true;
        }
        var pick = open.MinBy(i => hi[i] - lo[i]);
        foreach (var value in Enumerable.Range((int)lo[pick], (int)(hi[pick] - lo[pick] + 1)).OrderBy(v => Math.Abs(v - _truth[pick])))
        {
            var (l, h) = (lo.ToArray(), hi.ToArray());
            (l[pick], h[pick]) = (value, value);
            if (Solvable(l, h, related, byUnknown, byUnknown[pick], ref budget))
            {
                return true;
            }
            if (budget < 0)
            {
                return false;
            }
        }
        return false;
    }

    // Bounds from the rows until nothing narrows further, starting from those whose unknowns just changed. A bound
    // worked out from another that has since narrowed is looser than it could be, never wrong.
    private static bool Narrow(long[] lo, long[] hi, Dictionary<int, List<Row>> byUnknown, IEnumerable<Row> changed)
    {
        var queue = new Queue<Row>(changed);
        var queued = new HashSet<Row>(queue, ReferenceEqualityComparer.Instance);
        while (queue.TryDequeue(out var row))
        {
            queued.Remove(row);
            var least = row.Terms.Sum(t => Math.Min(t.Value * lo[t.Key], t.Value * hi[t.Key]));
            var most = row.Terms.Sum(t => Math.Max(t.Value * lo[t.Key], t.Value * hi[t.Key]));
            if (least > row.Constant || most < row.Constant)
            {
                return false;
            }
            foreach (var (index, a) in row.Terms)
            {
                // a·x = constant − the others, which lie between least and most less this term's own share.
                var from = row.Constant - (most - Math.Max(a * lo[index], a * hi[index]));
                var to = row.Constant - (least - Math.Min(a * lo[index], a * hi[index]));
                var (newLo, newHi) = a > 0 ? (CeilingDivide(from, a), FloorDivide(to, a)) : (CeilingDivide(to, a), FloorDivide(from, a));
                if (newLo <= lo[index] && newHi >= hi[index])
                {
                    continue;
                }
                (lo[index], hi[index]) = (Math.Max(lo[index], newLo), Math.Min(hi[index], newHi));
                if (lo[index] > hi[index])
                {
                    return false;
                }
                foreach (var affected in byUnknown.GetValueOrDefault(index) ?? [])
                {
                    if (queued.Add(affected))
                    {
                        queue.Enqueue(affected);
                    }
                }
            }
        }
        return true;
    }

    private static long FloorDivide(long a, long b) => (a / b) - ((a % b != 0) && ((a < 0) ^ (b < 0)) ? 1 : 0);

    private static long CeilingDivide(long a, long b) => -FloorDivide(-a, b);

    // Σ terms = constant, over the unknowns.
    private sealed record Row(Dictionary<int, long> Terms, long Constant)
    {
        // This row times the pivot's coefficient less the pivot row times this row's, which clears the column.
        public Row Eliminate(Row pivot, int column, long coefficient)
        {
            var p = pivot.Terms[column];
            var terms = Terms.Keys.Union(pivot.Terms.Keys)
                .Select(k => (Key: k, Value: (Terms.GetValueOrDefault(k) * p) - (pivot.Terms.GetValueOrDefault(k) * coefficient)))
                .Where(t => t.Value != 0).ToDictionary(t => t.Key, t => t.Value);
            var constant = (Constant * p) - (pivot.Constant * coefficient);
            var divisor = terms.Values.Append(constant).Aggregate(0L, (g, v) => Gcd(g, Math.Abs(v)));
            return divisor > 1 ? new Row(terms.ToDictionary(t => t.Key, t => t.Value / divisor), constant / divisor) : new Row(terms, constant);
        }

        private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    }
}
