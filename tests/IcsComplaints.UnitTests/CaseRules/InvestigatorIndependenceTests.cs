using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="InvestigatorIndependence"/>: NHS Complaint Standards, the conflict check before a closer look.</summary>
public sealed class InvestigatorIndependenceTests
{
    [Fact]
    public void AnIndependentInvestigator_NeedsNoMeasures()
    {
        var errors = new ValidationErrors();

        InvestigatorIndependence.Check(false, false, null, errors);

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void BothAnswersOfTheCheck_AreRequired()
    {
        var errors = new ValidationErrors();

        InvestigatorIndependence.Check(null, null, null, errors);

        Assert.True(errors.Has("priorInvolvement"));
        Assert.True(errors.Has("conflictOfInterest"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void AnInvestigatorWhoIsNotIndependent_NeedsImpartialityMeasures(bool priorInvolvement, bool conflictOfInterest)
    {
        var without = new ValidationErrors();
        var with = new ValidationErrors();

        InvestigatorIndependence.Check(priorInvolvement, conflictOfInterest, null, without);
        InvestigatorIndependence.Check(priorInvolvement, conflictOfInterest, "A second reviewer from another directorate", with);

        Assert.True(without.Has("impartialityMeasures"));
        Assert.True(with.IsEmpty);
    }
}
