namespace IcsComplaints.Bench.Common;

/// <summary>
/// Each guarantee a benchmark checked, kept or broken. A benchmark that CI runs ends with what <see cref="Write"/>
/// writes, whose last line .ci/run counts beside the tests, and fails if any is broken.
/// </summary>
public sealed class Verdicts
{
    private readonly List<(string Name, bool Passed)> _verdicts = [];

    public int Passed => _verdicts.Count(v => v.Passed);

    public int Failed => _verdicts.Count(v => !v.Passed);

    /// <summary>Records a verdict and returns the word for the tables.</summary>
    public string Add(string name, bool passed)
    {
        _verdicts.Add((name, passed));
        return passed ? "pass" : "**FAIL**";
    }

    private IEnumerable<string> Broken => _verdicts.Where(v => !v.Passed).Select(v => v.Name);

    /// <summary>Writes each broken guarantee, then the last line, as the tests' is: "N passed, N failed".</summary>
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var broken in Broken)
        {
            output.WriteLine($"broken: {broken}");
        }
        output.WriteLine($"{Passed} passed, {Failed} failed");
    }
}
