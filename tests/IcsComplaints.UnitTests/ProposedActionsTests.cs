using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>
/// <see cref="ActionProposal"/> and a proposed <see cref="LearningAction"/>: each change a sent final response committed
/// to is proposed once, owned by nobody until taken on, and then carried to completion like any other action.
/// </summary>
public sealed class ProposedActionsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(2, false, true)]
    [InlineData(0, false, false)]
    [InlineData(0, true, false)]
    [InlineData(1, true, false)]
    public void OnlyASignedResponseWithChanges_IsAskedForItsChanges(int changes, bool confirmsEarlyResolution, bool expected) =>
        Assert.Equal(expected, ActionProposal.Expected(changes, confirmsEarlyResolution));

    [Fact]
    public void ChangesAlreadyProposed_AreNotProposedAgain_AndEachChangeIsProposedOnce()
    {
        var committed = new[] { (Index: 2, Action: "c"), (Index: 0, Action: "a"), (Index: 1, Action: "b"), (Index: 2, Action: "c again") };
        var fresh = ActionProposal.New(committed, new HashSet<int> { 1 }, c => c.Index);
        Assert.Equal(["a", "c"], fresh.Select(c => c.Action));
    }

    [Fact]
    public void AProposedAction_HasNoOwner_IsTakenOn_ThenCompleted()
    {
        var action = LearningAction.Propose("RJ1", Guid.NewGuid(), 0, "Phone patients when a clinic is cancelled.", Today.AddDays(30), Today);
        Assert.Equal((ActionStatus.Proposed, "", LearningAction.FinalResponse, 0), (action.Status, action.Owner, action.RaisedBy, action.ChangeIndex));

        action.TakeOn("Outpatients manager");
        Assert.Equal((ActionStatus.Open, "Outpatients manager"), (action.Status, action.Owner));

        action.Complete("All cancellations phoned in March.", "Letters came late.", "We phone now.", Today.AddDays(10));
        Assert.Equal((ActionStatus.Completed, "We phone now."), (action.Status, action.WeDid));
    }

    [Fact]
    public void AProposedAction_IsNotCompletedBeforeSomeoneTakesItOn_NorTakenOnTwice()
    {
        var action = LearningAction.Propose("RJ1", Guid.NewGuid(), 1, "Review the discharge checklist.", Today, Today);
        Assert.Throws<RequestStateException>(() => action.Complete("done", null, null, Today));
        action.TakeOn("Ward manager");
        Assert.Throws<RequestStateException>(() => action.TakeOn("Someone else"));
        Assert.Equal("Ward manager", action.Owner);
    }

    [Fact]
    public void AProposedAction_MayBeCancelled_AndIsOverdueAfterItsDate_LikeAnOpenOne()
    {
        var action = LearningAction.Propose("RJ1", Guid.NewGuid(), 0, "Review the discharge checklist.", Today, Today);
        Assert.False(action.IsOverdue(Today));
        Assert.True(action.IsOverdue(Today.AddDays(1)));
        action.Cancel("Covered by the trust-wide discharge review.", Today);
        Assert.Equal(ActionStatus.Cancelled, action.Status);
        Assert.False(action.IsOverdue(Today.AddDays(1)));
        Assert.Throws<RequestStateException>(() => action.TakeOn("Ward manager"));
    }
}
