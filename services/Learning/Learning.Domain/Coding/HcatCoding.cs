using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.Coding;

/// <summary>One person's HCAT coding of a complaint, or of the response to it.</summary>
public sealed class HcatCoding
{
    private HcatCoding()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>ODS code of the organisation handling the case.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>What was coded.</summary>
    public CodingSubject Subject { get; private set; }

    /// <summary>Who coded it.</summary>
    public string CoderSubjectId { get; private set; } = "";

    /// <summary>True when this is the second, independent coding asked for by a calibration sample.</summary>
    public bool Independent { get; private set; }

    /// <summary>Severity of quality problems, 0–3.</summary>
    public int Quality { get; private set; }

    /// <summary>Severity of safety problems, 0–3.</summary>
    public int Safety { get; private set; }

    /// <summary>Severity of environment problems, 0–3.</summary>
    public int Environment { get; private set; }

    /// <summary>Severity of institutional-process problems, 0–3.</summary>
    public int InstitutionalProcesses { get; private set; }

    /// <summary>Severity of listening problems, 0–3.</summary>
    public int Listening { get; private set; }

    /// <summary>Severity of communication problems, 0–3.</summary>
    public int Communication { get; private set; }

    /// <summary>Severity of problems of respect and patient rights, 0–3.</summary>
    public int Respect { get; private set; }

    /// <summary>Harm 0–5.</summary>
    public int? Harm { get; private set; }

    /// <summary>Stages of care.</summary>
    public List<string> StagesOfCare { get; private set; } = [];

    /// <summary>The day first coded.</summary>
    public DateOnly CodedOn { get; private set; }

    /// <summary>The day last revised, if it was.</summary>
    public DateOnly? RevisedOn { get; private set; }

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

    /// <summary>
    /// A person's first coding of a subject of a case. At most two people code each subject; the second coding is
    /// independent, and only for a complaint a quality lead put in a calibration sample.
    /// </summary>
    public static HcatCoding Record(
        Guid caseId, string organisationCode, CodingSubject subject, string coderSubjectId, int earlierCodings, bool inCalibrationSample, DateOnly codedOn,
        IReadOnlyDictionary<string, int> severities, int? harm, IReadOnlyList<string> stages)
    {
        if (earlierCodings >= 2)
        {
            throw new RequestStateException("Two people have coded this already; the first coder may revise theirs.");
        }
        var independent = earlierCodings == 1;
        if (independent && (subject != CodingSubject.Complaint || !inCalibrationSample))
        {
            throw new RequestStateException("Someone has coded this; a second coding is for complaints in a calibration sample (POST /api/v1/learning/calibration/samples).");
        }
        var coding = new HcatCoding
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, OrganisationCode = organisationCode, Subject = subject, CoderSubjectId = coderSubjectId,
            Independent = independent, CodedOn = codedOn,
        };
        coding.Set(severities, harm, stages);
        return coding;
    }

    /// <summary>The coder revises their own coding.</summary>
    public void Revise(IReadOnlyDictionary<string, int> severities, int? harm, IReadOnlyList<string> stages, DateOnly on)
    {
        RevisedOn = on;
        Set(severities, harm, stages);
    }

    // Severities, harm and stages come validated against the scheme (HcatScheme.Validate).
    private void Set(IReadOnlyDictionary<string, int> severities, int? harm, IReadOnlyList<string> stages)
    {
        (Quality, Safety, Environment, InstitutionalProcesses) = (severities["quality"], severities["safety"], severities["environment"], severities["institutionalProcesses"]);
        (Listening, Communication, Respect) = (severities["listening"], severities["communication"], severities["respect"]);
        Harm = harm;
        StagesOfCare = [.. stages.Distinct(StringComparer.Ordinal)];
    }
}
