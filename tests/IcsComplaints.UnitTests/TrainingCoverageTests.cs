using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Training;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="TrainingCoverage"/>: the courses each role needs, current for three years, counted over who is on the register.</summary>
public sealed class TrainingCoverageTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void EachRole_NeedsTheCoursesForWhatItDoes_AndEveryoneIdentifyingComplaints()
    {
        string[] Needs(ComplaintsRole role) => [.. TrainingCoverage.NeededBy(role).Select(c => c.Code)];

        Assert.Equal(["identifying-complaints", "early-resolution"], Needs(ComplaintsRole.FrontLine));
        Assert.Equal(["identifying-complaints", "early-resolution", "looking-into-complaints", "duty-of-candour"], Needs(ComplaintsRole.LooksIntoComplaints));
        Assert.Equal(["identifying-complaints", "duty-of-candour", "learning-culture"], Needs(ComplaintsRole.SeniorLeader));
        Assert.All(TrainingCoverage.Courses, c => Assert.StartsWith("Standards §", c.Standard, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(-1095, true)]
    [InlineData(-1096, false)]
    public void ACourse_IsCurrentForThreeYearsFromTheDayItWasCompleted(int daysAgo, bool current)
    {
        var person = StaffTraining.Add("RJ1", "Ann", null, ComplaintsRole.FrontLine, Today.AddYears(-5));
        var completed = Today.AddDays(daysAgo);
        person.Complete("identifying-complaints", completed, Today);

        var standing = TrainingCoverage.Standing(person, Today).Single(s => s.Course == "identifying-complaints");

        // 2023-12-07 to 2026-12-07 is 1,096 days (2024 is a leap year): the course lapses on its third anniversary.
        Assert.Equal(current, standing.Current);
        Assert.Equal(standing.Current ? completed.AddYears(3) : Today, standing.DueBy);
    }

    [Fact]
    public void Coverage_CountsOnlyThoseOnTheRegisterToday_AndOnlyForTheCoursesTheirRoleNeeds()
    {
        var ann = StaffTraining.Add("RJ1", "Ann", null, ComplaintsRole.LooksIntoComplaints, Today.AddYears(-1));
        foreach (var course in TrainingCoverage.NeededBy(ComplaintsRole.LooksIntoComplaints))
        {
            ann.Complete(course.Code, Today.AddMonths(-1), Today);
        }
        var ben = StaffTraining.Add("RJ1", "Ben", null, ComplaintsRole.FrontLine, Today.AddYears(-1));
        ben.Complete("identifying-complaints", Today, Today);
        // A course Ben's role does not need counts for nothing.
        ben.Complete("learning-culture", Today, Today);
        var gone = StaffTraining.Add("RJ1", "Cal", null, ComplaintsRole.FrontLine, Today.AddYears(-1));
        gone.Leave(Today, Today);

        var coverage = TrainingCoverage.Coverage([ann, ben, gone], Today).ToDictionary(c => c.Course);

        Assert.Equal((2, 1, 0.5), (coverage["all"].Needed, coverage["all"].Current, coverage["all"].Share));
        Assert.Equal((2, 2), (coverage["identifying-complaints"].Needed, coverage["identifying-complaints"].Current));
        Assert.Equal((2, 1), (coverage["early-resolution"].Needed, coverage["early-resolution"].Current));
        Assert.Equal((0, 0, (double?)null), (coverage["learning-culture"].Needed, coverage["learning-culture"].Current, coverage["learning-culture"].Share));
    }

    [Fact]
    public void ACompletion_IsNotInTheFuture_IsRecordedOnceADay_AndNotAfterTheyLeft()
    {
        var person = StaffTraining.Add("RJ1", "Ann", null, ComplaintsRole.FrontLine, Today.AddYears(-1));

        Assert.Equal("completedOn", Assert.Throws<RequestValidationException>(() => person.Complete("early-resolution", Today.AddDays(1), Today)).Errors.Keys.Single());
        Assert.Same(person.Complete("early-resolution", Today, Today), person.Complete("early-resolution", Today, Today));
        person.Leave(Today, Today);
        Assert.Throws<RequestStateException>(() => person.Complete("identifying-complaints", Today, Today));
        Assert.Throws<RequestStateException>(() => person.Leave(Today, Today));
        Assert.Single(person.Completions);
    }
}
