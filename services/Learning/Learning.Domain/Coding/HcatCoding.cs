using IcsComplaints.Learning.Domain.Rules;


namespace IcsComplaints.Learning.Domain.Coding;

/// <summary>One person's HCAT coding of a complaint, or of the response to it.</summary>
public sealed class HcatCoding
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>ODS code of the organisation handling the case.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>What was coded.</summary>
    public CodingSubject Subject { get; init; }

    /// <summary>Who coded it.</summary>
    public required string CoderSubjectId { get; init; }

    /// <summary>True when this is the second, independent coding asked for by a calibration sample.</summary>
    public bool Independent { get; init; }

    /// <summary>Severity of quality problems, 0–3.</summary>
    public int Quality { get; set; }

    /// <summary>Severity of safety problems, 0–3.</summary>
    public int Safety { get; set; }

    /// <summary>Severity of environment problems, 0–3.</summary>
    public int Environment { get; set; }

    /// <summary>Severity of institutional-process problems, 0–3.</summary>
    public int InstitutionalProcesses { get; set; }

    /// <summary>Severity of listening problems, 0–3.</summary>
    public int Listening { get; set; }

    /// <summary>Severity of communication problems, 0–3.</summary>
    public int Communication { get; set; }

    /// <summary>Severity of problems of respect and patient rights, 0–3.</summary>
    public int Respect { get; set; }

    /// <summary>Harm 0–5.</summary>
    public int? Harm { get; set; }

    /// <summary>Stages of care.</summary>
    public List<string> StagesOfCare { get; set; } = [];

    /// <summary>The day first coded.</summary>
    public DateOnly CodedOn { get; init; }

    /// <summary>The day last revised, if it was.</summary>
    public DateOnly? RevisedOn { get; set; }

    /// <summary>The severity of a category by its key.</summary>
    public int Severity(string key) => key switch
    {
        "quality" => Quality,
        "safety" => Safety,
        "environment" => Environment,
        "institutionalProcesses" => InstitutionalProcesses,
        "listening" => Listening,
        "communication" => Communication,
        "respect" => Respect,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an HCAT category."),
    };

    /// <summary>Every category's severity by key.</summary>
    public IReadOnlyDictionary<string, int> Severities() => HcatScheme.CategoryKeys.ToDictionary(k => k, Severity, StringComparer.Ordinal);

    /// <summary>Sets every severity from a validated coding.</summary>
    public void Set(IReadOnlyDictionary<string, int> severities, int? harm, IReadOnlyList<string> stages)
    {
        (Quality, Safety, Environment, InstitutionalProcesses) = (severities["quality"], severities["safety"], severities["environment"], severities["institutionalProcesses"]);
        (Listening, Communication, Respect) = (severities["listening"], severities["communication"], severities["respect"]);
        Harm = harm;
        StagesOfCare = [.. stages.Distinct(StringComparer.Ordinal)];
    }
}
