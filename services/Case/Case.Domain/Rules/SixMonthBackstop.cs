using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Reg 14: a response not sent within six months of receipt, or a later date agreed before those six months ran
/// out, is owed a letter explaining why; clock pauses do not move this backstop.
/// </summary>
public static class SixMonthBackstop
{
    /// <summary>Months from receipt.</summary>
    public const int Months = 6;

    /// <summary>Why a delay letter without reasons is refused.</summary>
    public const string ReasonsMissing = "Give the reasons the response is late (Reg 14).";

    /// <summary>The backstop of a case: six months from receipt, or the latest date agreed before then that runs beyond it.</summary>
    public static DateOnly For(ComplaintCase complaintCase)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        var sixMonths = complaintCase.ReceivedOn.AddMonths(Months);
        var agreedLater = complaintCase.Agreements.Where(a => a.AgreedOn <= sixMonths && a.DueBy > sixMonths).Select(a => a.DueBy);
        return agreedLater.DefaultIfEmpty(sixMonths).Max();
    }

    /// <summary>True when a response sent on <paramref name="sentOn"/> met the backstop.</summary>
    public static bool Met(DateOnly sentOn, DateOnly backstop) => sentOn <= backstop;

    /// <summary>Refuses a delay letter sent while the backstop has not passed: an agreed date is recorded instead.</summary>
    public static void EnsureDelayLetterDue(DateOnly sentOn, DateOnly backstop)
    {
        if (sentOn <= backstop)
        {
            throw new RequestValidationException("sentOn", $"The delay letter is for a response not sent by {backstop:yyyy-MM-dd} (Reg 14); record an agreed response date instead.");
        }
    }
}
