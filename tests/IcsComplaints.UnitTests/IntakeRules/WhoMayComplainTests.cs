using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 5 (and Reg 2 for who is a child): who may complain, and a representative's footing.</summary>
public sealed class WhoMayComplainTests
{
    private static readonly DateOnly Received = new(2026, 11, 20);

    [Fact]
    public void ARepresentative_MustSayOnWhatBasisTheyComplain()
    {
        var fields = new FieldReader();

        WhoMayComplain.Read(fields, ComplainantType.Representative, false, null, null, null, null, Received, IntakeExamples.Today);

        Assert.Contains("Reg 5(2)", Assert.Single(Errors(fields)["representation"]), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyARepresentative_GivesABasis()
    {
        var fields = new FieldReader();

        WhoMayComplain.Read(fields, ComplainantType.Patient, true, "PersonAsked", "Verbal", null, null, Received, IntakeExamples.Today);

        Assert.True(Errors(fields).ContainsKey("representation"));
    }

    [Fact]
    public void ARepresentativeThePersonAsked_NeedsEvidenceOfTheirConsent()
    {
        var fields = new FieldReader();

        WhoMayComplain.Read(fields, ComplainantType.Representative, true, "PersonAsked", null, null, null, Received, IntakeExamples.Today);

        Assert.True(Errors(fields).ContainsKey("representation.consentEvidence"));
        var read = WhoMayComplain.Read(new FieldReader(), ComplainantType.Representative, true, "person_asked", "Written", "2026-11-19", null, Received, IntakeExamples.Today);
        Assert.Equal(new WhoMayComplain.Representation(RepresentativeBasis.PersonAsked, ConsentEvidence.Written, new DateOnly(2026, 11, 19)), read);
    }

    [Theory]
    [InlineData(RepresentativeBasis.PersonIsChild, true)]
    [InlineData(RepresentativeBasis.LacksCapacity, true)]
    [InlineData(RepresentativeBasis.PersonDied, false)]
    [InlineData(RepresentativeBasis.PersonAsked, false)]
    public void RepresentativesOfChildrenAndPeopleLackingCapacity_NeedABestInterestsDecision(RepresentativeBasis basis, bool needed)
    {
        Assert.Equal(needed, WhoMayComplain.NeedsBestInterestsDecision(basis));
    }

    [Theory]
    [InlineData("2008-11-21", true)]
    [InlineData("2008-11-20", false)] // 18 on the day: an adult
    public void AChild_IsUnder18OnTheDay(string dateOfBirth, bool child)
    {
        Assert.Equal(child, WhoMayComplain.IsChild(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Received));
    }

    [Fact]
    public void APatientAged18OrOver_IsNotAChild_ForARepresentative()
    {
        var fields = new FieldReader();

        WhoMayComplain.Read(fields, ComplainantType.Representative, true, "PersonIsChild", null, null, new DateOnly(2008, 11, 20), Received, IntakeExamples.Today);

        Assert.Contains("Reg 2", Assert.Single(Errors(fields)["representation.basis"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ARepresentativeNotInThePersonsBestInterests_IsToldInWriting()
    {
        var fields = new FieldReader();

        Assert.Null(WhoMayComplain.ReadBestInterestsDecision(fields, false, "Acting against the child's wishes.", null, IntakeExamples.Today));

        Assert.Contains("Reg 5(4)", Assert.Single(Errors(fields)["letterSentOn"]), StringComparison.Ordinal);
        var decision = WhoMayComplain.ReadBestInterestsDecision(new FieldReader(), true, "The parent.", null, IntakeExamples.Today);
        Assert.Equal(new BestInterestsDecision(true, "The parent.", null), decision);
    }

    [Fact]
    public void AComplaintByARepresentativeOfAChild_NotInTheirBestInterests_IsNotConsidered()
    {
        var complaint = IntakeExamples.Received(IntakeExamples.Submission() with
        {
            ComplainantType = ComplainantType.Representative,
            RepresentativeBasis = RepresentativeBasis.PersonIsChild,
            BestInterestsDecisionRequired = true,
        });

        Assert.True(WhoMayComplain.AwaitsBestInterestsDecision(complaint));
        complaint.DecideBestInterests(new BestInterestsDecision(false, "Not in their interests.", IntakeExamples.Today), IntakeExamples.Today);

        Assert.Equal(ComplaintState.NotConsidered, complaint.State);
        Assert.Throws<RequestStateException>(() => complaint.Withdraw(IntakeExamples.Today));
    }

    private static IReadOnlyDictionary<string, string[]> Errors(FieldReader fields) =>
        Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors;
}
