using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Concerns and their field errors, for the concern rules' tests.</summary>
internal static class ConcernExamples
{
    public static readonly DateOnly Today = new(2026, 12, 7);

    /// <summary>An open everyday concern raised by phone on <paramref name="raisedOn"/>.</summary>
    public static InformalConcern Open(DateOnly raisedOn) => InformalConcern.Record(
        "RJ1", InformalConcernKind.EverydayConversation, ComplaintChannel.Phone, raisedOn, resolvedOn: null, followUpOn: Today.AddDays(2),
        domain: null, "Waiting for a call back.", "handler", DateTimeOffset.UnixEpoch);

    /// <summary>The fields a rule found wrong, in order.</summary>
    public static string[] Fields(FieldReader fields) => fields.Errors.IsEmpty
        ? []
        : [.. Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors.Keys.Order(StringComparer.Ordinal)];
}
