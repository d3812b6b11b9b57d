using System.Text.RegularExpressions;

namespace IcsComplaints.AdvocacyReferral.Domain.Reviews;

/// <summary>The part of a draft final response a comment is about: the draft's own sections, one finding, or the whole.</summary>
public readonly partial record struct DraftSection
{
    private static readonly string[] Named = ["general", "complaintSummary", "outcomesSought", "investigation", "apology", "changes", "remedy"];

    private DraftSection(string name) => Name = name;

    /// <summary>The whole draft: a comment given without a section.</summary>
    public static DraftSection General { get; } = new("general");

    /// <summary>Every section, as a caller is told them.</summary>
    public static string Described => "general, complaintSummary, outcomesSought, investigation, findings[N], apology, changes or remedy";

    /// <summary>The section's name as the draft spells it (<c>findings[2]</c> for a finding).</summary>
    public string Name { get; }

    /// <summary>A section by its name; <c>null</c> when the draft has no such section.</summary>
    public static DraftSection? Parse(string name) =>
        Named.Contains(name, StringComparer.Ordinal) || Finding().IsMatch(name) ? new DraftSection(name) : null;

    /// <inheritdoc />
    public override string ToString() => Name;

    [GeneratedRegex(@"^findings\[\d{1,2}\]$")]
    private static partial Regex Finding();
}
