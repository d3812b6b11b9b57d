using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Nhs.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.AcknowledgeComplaint;

/// <summary>Acknowledges the complaint, offering to discuss its handling (<see cref="AcknowledgementDeadline"/>); announces <see cref="CaseAcknowledged"/>.</summary>
public sealed class AcknowledgeComplaint(CaseSteps steps, IOutbox outbox, WorkingDayCalendar calendar)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Acknowledge input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.AcknowledgedOn, "acknowledgedOn", steps.Today);
        var channel = reader.Enum<ContactChannel>(input.Channel, "channel", CaseInput.OneOf<ContactChannel>());
        var discussedOn = reader.DateInCalendar(input.DiscussedOn, "discussedOn", steps.Today);
        if (input.DiscussionOffered != true)
        {
            reader.Add("discussionOffered", AcknowledgementDeadline.DiscussionOfferMissing.TrimEnd('.') + ": send true.");
        }
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.Acknowledge(on, channel!.Value, true, discussedOn), ct, () =>
            outbox.Publish(new CaseAcknowledged
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, AcknowledgedOn = on,
                DueBy = c.AcknowledgementDueBy, InTime = AcknowledgementDeadline.InTime(on, c.AcknowledgementDueBy),
                // What the complainant's acknowledgement letter says about the approach, sent by correspondence.
                ResponseDueBy = CaseClock.ResponseDueBy(c, on, calendar), UpdateEveryWorkingDays = c.UpdateEveryWorkingDays,
            }));
    }
}
