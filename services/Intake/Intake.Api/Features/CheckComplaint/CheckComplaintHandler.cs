using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Features.CheckComplaint;

/// <summary>
/// Checks a complaint as submitting it would, and records nothing: the web portal asks after each question, so the
/// person sees the platform's own messages on the page that asks, and no form re-implements a rule (ADR 22).
/// </summary>
public sealed class CheckComplaintHandler(TimeProvider time, WorkingDayCalendar calendar, OrganisationDirectory directory)
{
    /// <summary>Throws the same field-level validation error a submission would; returns when there is none.</summary>
    public async Task CheckAsync(SubmitComplaintCommand command, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var submitter = SubmissionRules.Classify(caller, command.OrganisationCode);
        var snapshot = await directory.GetAsync(ct);
        ComplaintValidator.Validate(
            command, idempotencyKey: null, ComplaintChannel.Online, LondonTime.Today(time), new DateOnly(calendar.BankHolidays.FirstYear, 1, 1), submitter, snapshot);
    }
}
