using System.Text.Json;

namespace IcsComplaints.Learning.Domain.SelfAssessments;

/// <summary>A level of the rating scale, with what it means.</summary>
/// <param name="Level">1–4.</param>
/// <param name="Name">Name.</param>
/// <param name="Descriptor">What it means.</param>
public sealed record LevelDescriptor(int Level, string Name, string Descriptor);

/// <summary>One expectation of the Standards.</summary>
/// <param name="Id">Identifier, section.number.</param>
/// <param name="Text">The expectation, paraphrased.</param>
public sealed record Expectation(string Id, string Text);

/// <summary>One of the four sections, with an example of each level.</summary>
/// <param name="Number">1–4.</param>
/// <param name="Title">Title.</param>
/// <param name="Examples">An example of each level, by level.</param>
/// <param name="Expectations">Its expectations.</param>
public sealed record StandardsSection(string Number, string Title, IReadOnlyDictionary<string, string> Examples, IReadOnlyList<Expectation> Expectations);

/// <summary>The self-assessment framework: the four sections of the NHS Complaint Standards, their expectations and the scale.</summary>
/// <param name="Title">Title.</param>
/// <param name="Source">Where the expectations come from.</param>
/// <param name="Levels">The scale.</param>
/// <param name="Sections">The sections.</param>
public sealed record StandardsFramework(string Title, string Source, IReadOnlyList<LevelDescriptor> Levels, IReadOnlyList<StandardsSection> Sections)
{
    private static readonly Lazy<StandardsFramework> Embedded = new(() =>
    {
        using var stream = typeof(StandardsFramework).Assembly.GetManifestResourceStream("learning/complaint-standards.json")
            ?? throw new InvalidOperationException("The embedded Complaint Standards framework is missing.");
        return JsonSerializer.Deserialize<StandardsFramework>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The embedded Complaint Standards framework is empty.");
    });

    /// <summary>The framework shipped with the service (Standards/Data/complaint-standards.json).</summary>
    public static StandardsFramework Current => Embedded.Value;

    /// <summary>Every expectation, in order.</summary>
    public IEnumerable<Expectation> AllExpectations => Sections.SelectMany(s => s.Expectations);
}
