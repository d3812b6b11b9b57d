using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 5: who may complain — the patient, a person affected, or a representative of either, who says why they act
/// (the person asked, died, is a child — under 18, Reg 2 — or cannot act through physical incapacity or lack of
/// capacity) with the person's consent where they can give it; a representative of a child or of a person lacking
/// capacity must act in their best interests, or the complaint need not be considered (Reg 5(4)).
/// </summary>
public static class WhoMayComplain
{
    /// <summary>The age from which a person is an adult, not a child (Reg 2).</summary>
    public const int AdultAge = 18;

    /// <summary>A representative's footing, once read; all <c>null</c> for a complainant who is not a representative.</summary>
    /// <param name="Basis">Why they represent the person.</param>
    /// <param name="ConsentEvidence">How the person's consent was evidenced.</param>
    /// <param name="ConsentRecordedOn">When.</param>
    public sealed record Representation(RepresentativeBasis? Basis, ConsentEvidence? ConsentEvidence, DateOnly? ConsentRecordedOn);

    /// <summary>True for a representative of a child or of a person lacking capacity (Reg 5(4)).</summary>
    public static bool NeedsBestInterestsDecision(RepresentativeBasis? basis) =>
        basis is RepresentativeBasis.PersonIsChild or RepresentativeBasis.LacksCapacity;

    /// <summary>True where the person can consent to being represented (they asked, or are only physically unable to complain).</summary>
    public static bool NeedsEvidencedConsent(RepresentativeBasis? basis) =>
        basis is RepresentativeBasis.PersonAsked or RepresentativeBasis.PhysicalIncapacity;

    /// <summary>True when the person was a child on the day (Reg 2: under 18).</summary>
    public static bool IsChild(DateOnly dateOfBirth, DateOnly on) => dateOfBirth.AddYears(AdultAge) > on;

    /// <summary>True while a complaint waits for the decision whether its representative acts in the person's best interests.</summary>
    public static bool AwaitsBestInterestsDecision(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.BestInterestsDecisionRequired && complaint.InBestInterests is null;
    }

    /// <summary>
    /// Reads a representative's basis and the person's consent (Reg 5(2)). Only a representative gives them, and must;
    /// a child is under 18 on the day the complaint is received.
    /// </summary>
    public static Representation Read(
        FieldReader fields, ComplainantType type, bool representationGiven, string? basis, string? consentEvidence, string? consentRecordedOn,
        DateOnly? patientDateOfBirth, DateOnly receivedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var none = new Representation(null, null, null);
        if (type != ComplainantType.Representative)
        {
            if (representationGiven)
            {
                fields.Add("representation", "Only a representative gives a basis for representing someone (Reg 5(2)).");
            }
            return none;
        }
        if (!representationGiven)
        {
            fields.Add("representation", "Say why the representative complains for the person (Reg 5(2)): PersonAsked, PersonDied, PersonIsChild, PhysicalIncapacity or LacksCapacity.");
            return none;
        }
        var readBasis = fields.Enum<RepresentativeBasis>(basis, "representation.basis",
            required: "Give the basis: PersonAsked, PersonDied, PersonIsChild, PhysicalIncapacity or LacksCapacity (Reg 5(2)).");
        var evidence = fields.Enum<ConsentEvidence>(consentEvidence, "representation.consentEvidence");
        DateOnly? recordedOn = null;
        if (fields.Date(consentRecordedOn, "representation.consentRecordedOn", DateRules.EarliestBirth, DateRules.LastCalendarDay) is { } recorded)
        {
            if (recorded > today)
            {
                fields.Add("representation.consentRecordedOn", "The consent cannot be recorded after today.");
            }
            recordedOn = recorded;
        }
        if (NeedsEvidencedConsent(readBasis) && evidence is null && !fields.Has("representation.consentEvidence"))
        {
            fields.Add("representation.consentEvidence", "Record how the person consented to being represented: Written, Verbal or Electronic (Reg 5(2)).");
        }
        if (readBasis is RepresentativeBasis.PersonIsChild && patientDateOfBirth is { } dob && !IsChild(dob, receivedOn))
        {
            fields.Add("representation.basis", $"The patient was {AdultAge} or over when the complaint was received: not a child (Reg 2).");
        }
        return new Representation(readBasis, evidence, recordedOn);
    }

    /// <summary>
    /// Reads the decision whether a representative acts in the person's best interests (Reg 5(4)): always with reasons;
    /// when not, the representative is told in writing, and the letter's date is recorded. <c>null</c> when a field is wrong.
    /// </summary>
    public static BestInterestsDecision? ReadBestInterestsDecision(
        FieldReader fields, bool? inBestInterests, string? reasons, string? letterSentOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (inBestInterests is null)
        {
            fields.Add("inBestInterests", "Record the decision: true or false.");
        }
        var why = fields.Text(reasons, "reasons", TextLimits.Note, "Record the reasons for the decision.");
        DateOnly? letter = null;
        if (inBestInterests == false)
        {
            // Reg 5(4): the complaint need not be considered, and the representative is told in writing with reasons.
            letter = fields.DateInCalendar(letterSentOn, "letterSentOn", today, required: "Record when the letter giving the reasons went to the representative (Reg 5(4)).");
        }
        return inBestInterests is { } decided && why is not null && fields.Errors.IsEmpty ? new BestInterestsDecision(decided, why, letter) : null;
    }
}
