using IcsComplaints.AdvocacyReferral.Api.Data;

namespace IcsComplaints.AdvocacyReferral.Api.Features.EndReviews;

/// <summary>Consent that ends ends the service's open reviews on the case with it; the consumer's unit of work saves it.</summary>
public sealed class EndReviewsHandler(ReviewStore reviews)
{
    /// <summary>Ends the open reviews the grant allowed.</summary>
    public async Task HandleAsync(Guid caseId, string advocacyServiceCode, DateOnly endedOn, CancellationToken ct)
    {
        foreach (var review in await reviews.OpenOfServiceAsync(caseId, advocacyServiceCode, ct))
        {
            review.EndWithConsent(endedOn);
        }
    }
}
