using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ResponseReviews;

/// <summary>
/// The sample with its ratings and comments (for the organisation's own quality lead and responsible person), and how
/// its letters did (counts only: for the organisation's staff, and for the ICB that commissions it).
/// </summary>
public sealed class ReadResponseReviewsHandler(ResponseReviewQueries queries, Commissioning commissioning, IAuditTrail audit, TimeProvider time)
{
    /// <summary>The caller's organisation's reviews of letters sent in the period (by default the last twelve months), the latest sent first.</summary>
    public async Task<IReadOnlyList<ResponseReviewView>> ListAsync(Caller caller, string? from, string? to, CancellationToken ct)
    {
        var organisation = ResponseReviewSupport.Own(caller);
        var (start, end) = Period(from, to);
        var reviews = await queries.OfAsync([organisation], start, end, ct);
        // The reviewers' comments are free text about real complaints: reading them is audited, as the organisation's.
        await audit.RecordReadAsync(LearningResources.ResponseReviews, organisation, organisation, ct);
        return [.. reviews.Select(ResponseReviewSupport.View)];
    }

    /// <summary>One review of the caller's organisation; another organisation's is not found.</summary>
    public async Task<ResponseReviewView> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var organisation = ResponseReviewSupport.Own(caller);
        var review = await queries.ReadAsync(organisation, id, ct)
            ?? throw new RequestNotFoundException("No final response with that identifier is in your organisation's sample.");
        await audit.RecordReadAsync(LearningResources.ResponseReview, review.Id.ToString(), organisation, ct);
        return ResponseReviewSupport.View(review);
    }

    /// <summary>How the letters of the caller's organisation, or of a provider its ICB commissions (404 otherwise), did in the period.</summary>
    public async Task<ResponseQualityView> QualityAsync(Caller caller, string? organisationCode, string? from, string? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        return ResponseReviewSupport.Quality(organisation, start, end, await queries.OfAsync([organisation], start, end, ct));
    }

    /// <summary>For an ICB's overseers: how the letters of each provider it commissions did in the period.</summary>
    public async Task<IReadOnlyList<ResponseQualityView>> ProvidersAsync(Caller caller, string? from, string? to, CancellationToken ct)
    {
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("An ICB's commissioners and quality leads compare its providers.");
        }
        var (start, end) = Period(from, to);
        var providers = await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct);
        var reviews = (await queries.OfAsync(providers, start, end, ct)).ToLookup(r => r.OrganisationCode);
        return [.. providers.Order(StringComparer.Ordinal).Select(p => ResponseReviewSupport.Quality(p, start, end, [.. reviews[p]]))];
    }

    private (DateOnly From, DateOnly To) Period(string? from, string? to)
    {
        var reader = new FieldReader();
        var period = ResponseReviewSupport.Period(reader, from, to, LondonTime.Today(time), defaultMonths: 12);
        reader.ThrowIfAny();
        return period;
    }
}
