using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>How the end of a grant is announced, whatever ended it.</summary>
public static class ConsentAnnouncements
{
    /// <summary>Publishes <see cref="ConsentRevoked"/> for a grant that ended; nothing when it had already ended.</summary>
    public static void Announce(this IOutbox outbox, ConsentEnded? ended)
    {
        if (ended is not null)
        {
            outbox.Publish(new ConsentRevoked
            {
                GrantId = ended.GrantId, CaseId = ended.CaseId, AdvocacyServiceCode = ended.AdvocacyServiceCode, EndedOn = ended.EndedOn, Reason = ended.Reason,
            });
        }
    }
}
