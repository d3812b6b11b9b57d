using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Suppression;

/// <summary>
/// <para>
/// One output bound for publication, as rows of the same figures (an organisation's measures; each provider of an
/// ICB and, optionally, their total; each month of a trend) with the sums that tie a row's figures together (a
/// total and its parts; a rate's denominator, numerator and the rest). A total row is the sum of the other rows,
/// figure by figure. <see cref="Withhold"/> withholds every small count (primary suppression), then as few others as
/// it can (complementary suppression), until no withheld figure, and no small number left unpublished (the rest of
/// a rate), can be worked out by a reader who knows every shown figure, every sum, that counts are whole numbers of
/// at least zero and that a withheld figure is never zero.
/// </para>
/// <para>
/// The proof, for each such figure, is a second world: other whole numbers that agree with everything shown and
/// give it a different value. Here a second world is a change to one row that keeps the row's own sums and touches
/// only figures not shown; in a table with a total row, the same change is also taken from another row (or added to
/// the total), so that every total still adds up. When a figure has none, more figures are withheld so that it has
/// one, the smallest available first; failing that, every non-zero figure tied to it by sums in every row is
/// withheld, and doubling them all is the second world.
/// </para>
/// </summary>
public sealed class PublicationTable
{
    // A row holds few figures, so a search for a change to it is small; it is still bounded, and a figure whose
    // search runs out is protected further, so the bound costs figures withheld, never a disclosure.
    private const int SearchBudget = 2_000;
    private const int SearchDepth = 24;

    // Changes to a row tried against every other row before searching row by row, and rows searched that way.
    private const int ChangesMatched = 4;
    private const int PartnersSearched = 8;

    private readonly List<string> _figures = [];
    private readonly Dictionary<string, int> _figureIndex = new(StringComparer.Ordinal);
    private readonly List<bool> _published = [];
    private readonly List<List<int>> _sumsOf = [];
    private readonly List<(int Total, int[] Parts)> _sums = [];
    private readonly List<string> _rows = [];
    private readonly List<int[]> _values = [];
    private int? _totalRow;

    /// <summary>A figure each row shows unless withheld.</summary>
    public void Publish(string figure) => AddFigure(figure, published: true);

    /// <summary>A number no row shows but that follows from what it shows (the rest of a rate, the slack under a total).</summary>
    public void Unpublished(string figure) => AddFigure(figure, published: false);

    /// <summary>In every row, <paramref name="total"/> is the sum of <paramref name="parts"/> (one part: the two are equal).</summary>
    public void Sum(string total, params IEnumerable<string> parts)
    {
        var sum = (Total: _figureIndex[total], Parts: parts.Select(p => _figureIndex[p]).ToArray());
        _sums.Add(sum);
        foreach (var figure in sum.Parts.Prepend(sum.Total).Distinct())
        {
            _sumsOf[figure].Add(_sums.Count - 1);
        }
    }

    /// <summary>A row, with a value for every figure.</summary>
    public void Row(string row, Func<string, int> valueOf)
    {
        var values = _figures.Select(valueOf).ToArray();
        var negative = Array.FindIndex(values, v => v < 0);
        if (negative >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(valueOf), values[negative], $"{row} {_figures[negative]} is a count: never negative.");
        }
        _rows.Add(row);
        _values.Add(values);
    }

    /// <summary>The row that is the sum of all the others, figure by figure.</summary>
    public void TotalRow(string row, Func<string, int> valueOf)
    {
        Row(row, valueOf);
        _totalRow = _rows.Count - 1;
    }

    /// <summary>The figures to withhold, by row: every small count and whatever would reveal one.</summary>
    public IReadOnlySet<(string Row, string Figure)> Withhold()
    {
        var withheld = _values.Select(v => v.Select((value, f) => _published[f] && SmallNumberSuppression.IsSmall(value)).ToArray()).ToArray();
        var safe = _values.Select(v => new bool[v.Length]).ToArray();
        var pending = new Queue<(int Row, int Figure)>(
            from row in Enumerable.Range(0, _rows.Count)
            from figure in Enumerable.Range(0, _figures.Count)
            where withheld[row][figure] || (!_published[figure] && SmallNumberSuppression.IsSmall(_values[row][figure]))
            select (row, figure));
        while (pending.TryDequeue(out var next))
        {
            if (safe[next.Row][next.Figure])
            {
                continue;
            }
            // Every figure a second world changes is safe with it, now and however much more is withheld later.
            var world = FindSecondWorld(next, withheld) ?? MakeSecondWorld(next, withheld);
            foreach (var (row, figure) in world)
            {
                withheld[row][figure] |= _published[figure];
                safe[row][figure] = true;
            }
        }
        return Enumerable.Range(0, _rows.Count)
            .SelectMany(row => Enumerable.Range(0, _figures.Count).Where(f => withheld[row][f]).Select(f => (_rows[row], _figures[f])))
            .ToHashSet();
    }

    private void AddFigure(string figure, bool published)
    {
        _figureIndex.Add(figure, _figures.Count);
        _figures.Add(figure);
        _published.Add(published);
        _sumsOf.Add([]);
    }

    // How a change to one row is matched in another: taken from another row of the same kind, added to the total.
    private int Direction(int row, int partner) => row == _totalRow || partner == _totalRow ? 1 : -1;

    private bool Unknown(bool[][] withheld, int row, int figure) => !_published[figure] || withheld[row][figure];

    // A second world among the figures already unknown, or null.
    private List<(int Row, int Figure)>? FindSecondWorld((int Row, int Figure) target, bool[][] withheld)
    {
        var (row, figure) = target;
        if (_totalRow is null)
        {
            return Change(row, figure, null, f => Unknown(withheld, row, f), _ => 0) is { } alone ? [.. alone.Keys.Select(f => (row, f))] : null;
        }
        // Changes to this row alone, matched against every other row; then a search for each of a few rows.
        var partners = Enumerable.Range(0, _rows.Count).Where(p => p != row && Unknown(withheld, p, figure)).ToList();
        foreach (var change in Changes(row, figure, f => Unknown(withheld, row, f)).Take(ChangesMatched))
        {
            if (partners.FirstOrDefault(p => Fits(change, p, Direction(row, p), f => Unknown(withheld, p, f)), -1) is var partner and >= 0)
            {
                return Pair(row, partner, change);
            }
        }
        foreach (var partner in partners.Take(PartnersSearched))
        {
            if (Change(row, figure, partner, f => Unknown(withheld, row, f) && Unknown(withheld, partner, f), _ => 0) is { } change)
            {
                return Pair(row, partner, change);
            }
        }
        return null;
    }

    // A second world made by withholding more: figures not yet withheld may change (never a zero shown, which must
    // stay shown), the smallest first; of the rows that can take the matching change, the one that costs least.
    private List<(int Row, int Figure)> MakeSecondWorld((int Row, int Figure) target, bool[][] withheld)
    {
        var (row, figure) = target;
        bool Changeable(int r, int f) => Unknown(withheld, r, f) || _values[r][f] > 0;
        int Cost(int r, int f) => Unknown(withheld, r, f) ? 0 : _values[r][f];
        if (_totalRow is null)
        {
            if (Change(row, figure, null, f => Changeable(row, f), f => Cost(row, f)) is { } alone)
            {
                return [.. alone.Keys.Select(f => (row, f))];
            }
        }
        else
        {
            var best = Enumerable.Range(0, _rows.Count).Where(p => p != row && Changeable(p, figure))
                .OrderBy(p => Cost(p, figure)).ThenBy(p => _values[p][figure]).Take(PartnersSearched * 2).Append(_totalRow.Value).Where(p => p != row).Distinct()
                .Select(p => (Partner: p, Change: Change(row, figure, p, f => Changeable(row, f) && Changeable(p, f), f => Cost(row, f) + Cost(p, f))))
                .Where(c => c.Change is not null)
                .MinBy(c => c.Change!.Keys.Sum(f => Cost(row, f) + Cost(c.Partner, f)));
            if (best.Change is not null)
            {
                return Pair(row, best.Partner, best.Change);
            }
        }
        // The last resort: rows tied by a total row are doubled together; without one, the row alone.
        var rows = _totalRow is null ? [row] : Enumerable.Range(0, _rows.Count);
        return [.. Connected(figure).SelectMany(f => rows.Where(r => _values[r][f] > 0 || !_published[f]).Select(r => (r, f)))];
    }

    private static List<(int Row, int Figure)> Pair(int row, int partner, Dictionary<int, int> change) =>
        [.. change.Keys.SelectMany(f => new[] { (row, f), (partner, f) })];

    // True when the partner row can take the matching change: its figures unknown and its bounds kept.
    private bool Fits(Dictionary<int, int> change, int partner, int direction, Func<int, bool> changeable) =>
        change.All(c => changeable(c.Key) && _values[partner][c.Key] + (direction * c.Value) >= Lowest(c.Key));

    // Zero is always shown, so a reader knows a withheld figure is at least one; an unpublished one may be zero.
    private int Lowest(int figure) => _published[figure] ? 1 : 0;

    // Several changes to the row alone, each moving the target by one, for matching against other rows.
    private List<Dictionary<int, int>> Changes(int row, int figure, Func<int, bool> changeable)
    {
        var found = new List<Dictionary<int, int>>();
        var budget = SearchBudget;
        foreach (var step in new[] { -1, 1 })
        {
            if (_values[row][figure] + step >= Lowest(figure))
            {
                Balance(new Dictionary<int, int> { [figure] = step }, row, null, 0, changeable, _ => 0, ref budget, SearchDepth, found, ChangesMatched);
            }
        }
        return found;
    }

    // One change to the row (and, matched, to the partner) moving the target by one, or null.
    private Dictionary<int, int>? Change(int row, int figure, int? partner, Func<int, bool> changeable, Func<int, int> cost)
    {
        var found = new List<Dictionary<int, int>>();
        var budget = SearchBudget;
        var direction = partner is { } p ? Direction(row, p) : 0;
        foreach (var step in new[] { -1, 1 })
        {
            if (_values[row][figure] + step >= Lowest(figure)
                && (partner is null || _values[partner.Value][figure] + (direction * step) >= Lowest(figure))
                && Balance(new Dictionary<int, int> { [figure] = step }, row, partner, direction, changeable, cost, ref budget, SearchDepth, found, 1))
            {
                return found[0];
            }
        }
        return null;
    }

    // Settles the row's sums one at a time, the unbalanced sum with the fewest ways to balance it first, each way
    // tried cheapest first. Collects up to `wanted` balanced changes.
    private bool Balance(
        Dictionary<int, int> change, int row, int? partner, int direction, Func<int, bool> changeable, Func<int, int> cost,
        ref int budget, int depth, List<Dictionary<int, int>> found, int wanted)
    {
        if (--budget < 0)
        {
            return false;
        }
        List<(int Figure, int Step)>? fewest = null;
        foreach (var sum in change.Keys.SelectMany(f => _sumsOf[f]).Distinct())
        {
            var (total, parts) = _sums[sum];
            var imbalance = change.GetValueOrDefault(total) - parts.Sum(p => change.GetValueOrDefault(p));
            if (imbalance == 0)
            {
                continue;
            }
            var moves = parts.Select(p => (Figure: p, Step: imbalance)).Append((Figure: total, Step: -imbalance))
                .Where(m => !change.ContainsKey(m.Figure) && changeable(m.Figure)
                    && _values[row][m.Figure] + m.Step >= Lowest(m.Figure)
                    && (partner is not { } p || _values[p][m.Figure] + (direction * m.Step) >= Lowest(m.Figure)))
                .OrderBy(m => cost(m.Figure)).ThenBy(m => _sumsOf[m.Figure].Count)
                .ToList();
            if (moves.Count == 0)
            {
                return false;
            }
            if (fewest is null || moves.Count < fewest.Count)
            {
                fewest = moves;
            }
        }
        if (fewest is null)
        {
            found.Add(new Dictionary<int, int>(change));
            return found.Count >= wanted;
        }
        if (depth == 0)
        {
            return false;
        }
        foreach (var (figure, step) in fewest)
        {
            change[figure] = step;
            var done = Balance(change, row, partner, direction, changeable, cost, ref budget, depth - 1, found, wanted);
            change.Remove(figure);
            if (done || budget < 0)
            {
                return done;
            }
        }
        return false;
    }

    // Every figure tied to this one by the row's sums, itself included.
    private HashSet<int> Connected(int figure)
    {
        var reached = new HashSet<int> { figure };
        var frontier = new Queue<int>([figure]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var member in _sumsOf[next].SelectMany(s => _sums[s].Parts.Prepend(_sums[s].Total)).Where(reached.Add))
            {
                frontier.Enqueue(member);
            }
        }
        return reached;
    }
}
