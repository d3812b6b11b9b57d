using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// What an ICB's commissioners and quality leads read from the reporting service, by its JSON names.

/// <summary>A proportion with its parts (a part is null when withheld for publication, never in the ICB's own view).</summary>
public sealed record RateView(int? Numerator, int? Denominator, double? Value, bool Suppressed = false);

/// <summary>One organisation's measures for a period (those the oversight pages show).</summary>
public sealed record MeasureSetView(
    string OrganisationCode, string Period, int? Received, RateView AcknowledgedInTime, RateView ByAgreedDate, int? BackstopBreaches,
    IReadOnlyDictionary<string, int?> Outcomes, RateView UpheldOrPartly, int? ReferredToOmbudsman, IReadOnlyDictionary<string, RateView> Survey);

/// <summary>An ICB's providers side by side, and all of them together.</summary>
public sealed record OversightView(string IcbCode, string Period, IReadOnlyList<MeasureSetView> Providers, MeasureSetView AllProviders);

/// <summary>A provider on a funnel plot.</summary>
public sealed record FunnelPointView(
    string OrganisationCode, int? Numerator, int? Denominator, double? Value, double? Lower95, double? Upper95, double? Lower998, double? Upper998, string Position);

/// <summary>The providers on one rate, around the ICB's overall rate.</summary>
public sealed record FunnelView(string Measure, string Period, double? Target, IReadOnlyList<FunnelPointView> Points);

/// <summary>One month of a trend.</summary>
public sealed record TrendPointView(string Month, int? Numerator, int? Denominator, double? Value);

/// <summary>What is overdue at a provider now.</summary>
public sealed record OverdueSummaryView(string OrganisationCode, int Acknowledgements, int Responses, int Backstops, DateOnly? OldestDueOn);

/// <summary>One overdue complaint at a provider: no personal data.</summary>
public sealed record OverdueCaseView(Guid CaseId, string OrganisationCode, DateOnly? ReceivedOn, IReadOnlyList<string> Overdue, DateOnly OldestDueOn);

/// <summary>One of a KO41 return's checks.</summary>
public sealed record ReturnCheckView(string Rule, string Site, bool Passed, string Detail);

/// <summary>A KO41a or KO41b return, with its checks.</summary>
public sealed record Ko41ReturnView(
    string Collection, string OrganisationCode, string Period, int BroughtForward, int New, IReadOnlyDictionary<string, int> Resolved, int ClosedWithoutResolution,
    int CarriedForward, IReadOnlyList<ReturnCheckView> Validation, bool Valid);

/// <summary>A complaint the ICB received that waits for the complainant's consent to transfer: no personal data.</summary>
public sealed record AwaitingConsentView(Guid? CaseId, DateOnly ReceivedOn, int WorkingDaysWaiting);

/// <summary>A transfer to a provider, with the ICB's working days apart from the provider's, and what became of it.</summary>
public sealed record TransferMadeView(
    Guid? CaseId, string FromOrganisationCode, string ToOrganisationCode, DateOnly ReceivedOn, DateOnly TransferredOn, int IcbWorkingDays,
    int? ConsentWorkingDays, int? TriageWorkingDays, int ProviderWorkingDays, bool ProviderFinished, string? Outcome, DateOnly? OutcomeOn);

/// <summary>One provider's transfers: how many, how many finished, and the median working days of each side.</summary>
public sealed record TransferTimesView(string OrganisationCode, int Transfers, int Finished, double? MedianIcbWorkingDays, double? MedianProviderWorkingDays);

/// <summary>Complaints the ICB received and transferred, for the months asked.</summary>
public sealed record TransfersView(
    string Period, int AwaitingConsentCount, IReadOnlyList<AwaitingConsentView> AwaitingConsent, IReadOnlyList<TransferMadeView> Transfers,
    IReadOnlyList<TransferTimesView> Providers);

/// <summary>The year's measures the annual report shows beside its Reg 18 figures (a withheld part is null).</summary>
public sealed record AnnualMeasuresView(
    IReadOnlyDictionary<string, int?> ReceivedByChannel, RateView AcknowledgedInTime, RateView ResolvedEarly, RateView ByAgreedDate, RateView Renegotiated,
    IReadOnlyDictionary<string, int?> Outcomes, RateView Reopened, RateView WithAdvocacy, int? BackstopBreaches);

/// <summary>One line of a board report's figures, as written.</summary>
public sealed record BoardRowView(string Label, string Current, string Previous);

/// <summary>One part of a board report.</summary>
public sealed record BoardSectionView(string Key, string Heading, IReadOnlyList<string> Narrative, IReadOnlyList<BoardRowView> Rows);

/// <summary>A quarterly or annual board report on complaints, as published.</summary>
public sealed record BoardReportView(
    string Scope, bool WholeSystem, string Period, string Covers, DateOnly From, DateOnly To, string PreviousPeriod, bool Suppressed,
    IReadOnlyList<BoardSectionView> Sections)
{
    /// <summary>What the portal asks for, in place of an organisation, for an ICB with every provider it commissions.</summary>
    public const string IcsScope = "ics";
}

/// <summary>An organisation's Reg 18 annual report, as published: a withheld count is null.</summary>
public sealed record AnnualReportView(
    string OrganisationCode, string Period, int? Received, int? DecidedWellFounded, int? ReferredToOmbudsman, IReadOnlyDictionary<string, int?> SubjectMatter,
    IReadOnlyList<string> MattersOfGeneralImportance, int ActionsRaised, int ActionsCompleted, int ActionsPublished, AnnualMeasuresView Measures, bool Suppressed);

/// <summary>The reporting service's calls the oversight pages make, one method per call, as the signed-in user.</summary>
public sealed class ReportingApis(PlatformApi api)
{
    /// <summary>The providers side by side for the months from <paramref name="from"/> to <paramref name="to"/> (yyyy-MM).</summary>
    public Task<ApiResult<OversightView>> OversightAsync(string from, string to, CancellationToken ct) =>
        api.GetAsync<OversightView>("/api/v1/reporting/oversight" + Months(from, to), null, ct);

    /// <summary>The funnel plot of one rate for the months, as figures.</summary>
    public Task<ApiResult<FunnelView>> FunnelAsync(string measure, string from, string to, CancellationToken ct) =>
        api.GetAsync<FunnelView>("/api/v1/reporting/oversight/funnel" + Months(from, to).Add("measure", measure), null, ct);

    /// <summary>The same funnel plot drawn by reporting, as SVG markup; null when refused.</summary>
    public async Task<string?> FunnelChartAsync(string measure, string from, string to, CancellationToken ct) =>
        (await api.GetDocumentAsync("/api/v1/reporting/oversight/funnel.svg" + Months(from, to).Add("measure", measure), ct))?.Body;

    /// <summary>The twelve months to this one, for one provider or, without one, for the ICB's providers together.</summary>
    public Task<ApiResult<ItemList<TrendPointView>>> TrendAsync(string measure, string? organisation, CancellationToken ct) =>
        api.GetAsync<ItemList<TrendPointView>>("/api/v1/reporting/trend" + Trend(measure, organisation), null, ct);

    /// <summary>The same trend drawn by reporting, as SVG markup; null when refused.</summary>
    public async Task<string?> TrendChartAsync(string measure, string? organisation, CancellationToken ct) =>
        (await api.GetDocumentAsync("/api/v1/reporting/trend.svg" + Trend(measure, organisation), ct))?.Body;

    /// <summary>What is overdue at each provider now.</summary>
    public Task<ApiResult<ItemList<OverdueSummaryView>>> OverdueAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<OverdueSummaryView>>("/api/v1/reporting/oversight/overdue", null, ct);

    /// <summary>The overdue complaints at one provider.</summary>
    public Task<ApiResult<ItemList<OverdueCaseView>>> OverdueCasesAsync(string organisation, CancellationToken ct) =>
        api.GetAsync<ItemList<OverdueCaseView>>($"/api/v1/reporting/oversight/overdue/{Uri.EscapeDataString(organisation)}", null, ct);

    /// <summary>A provider's KO41 return for the financial year starting in <paramref name="year"/>, with its checks.</summary>
    public Task<ApiResult<Ko41ReturnView>> Ko41Async(string organisation, string year, CancellationToken ct) =>
        api.GetAsync<Ko41ReturnView>("/api/v1/reporting/ko41" + Return(organisation, year), null, ct);

    /// <summary>The same return as the CSV NHS England collects (refused while its checks fail).</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> Ko41CsvAsync(string organisation, string year, CancellationToken ct) =>
        api.GetFileAsync("/api/v1/reporting/ko41.csv" + Return(organisation, year), ct);

    /// <summary>The Reg 18 annual report of the ICB or one of its providers for the financial year starting in <paramref name="year"/>.</summary>
    public Task<ApiResult<AnnualReportView>> AnnualReportAsync(string organisation, string year, CancellationToken ct) =>
        api.GetAsync<AnnualReportView>("/api/v1/reporting/annual-report" + Return(organisation, year), null, ct);

    /// <summary>The same report as reporting draws it for a board (PDF).</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> AnnualReportPdfAsync(string organisation, string year, CancellationToken ct) =>
        api.GetFileAsync("/api/v1/reporting/annual-report.pdf" + Return(organisation, year), ct);

    /// <summary>The board report of an organisation the caller may see, or (<paramref name="organisation"/> <c>ics</c>) of the caller's ICB with its providers.</summary>
    public Task<ApiResult<BoardReportView>> BoardReportAsync(string? organisation, string period, CancellationToken ct) =>
        api.GetAsync<BoardReportView>("/api/v1/reporting/board-report" + Board(organisation, period), null, ct);

    /// <summary>The same report as reporting draws it for the board's papers (PDF).</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> BoardReportPdfAsync(string? organisation, string period, CancellationToken ct) =>
        api.GetFileAsync("/api/v1/reporting/board-report.pdf" + Board(organisation, period), ct);

    /// <summary>Complaints the ICB received and transferred: what waits for consent, the transfers of the months and whose time each took.</summary>
    public Task<ApiResult<TransfersView>> TransfersAsync(string from, string to, CancellationToken ct) =>
        api.GetAsync<TransfersView>("/api/v1/reporting/oversight/transfers" + Months(from, to), null, ct);

    private static QueryString Months(string from, string to) => QueryString.Create("from", from).Add("to", to);

    private static QueryString Trend(string measure, string? organisation) =>
        string.IsNullOrEmpty(organisation) ? QueryString.Create("measure", measure) : QueryString.Create("measure", measure).Add("organisation", organisation);

    // "ics" stands for the caller's ICB with every provider it commissions; nothing for the caller's own organisation.
    private static QueryString Board(string? organisation, string period) => organisation switch
    {
        null or "" => QueryString.Create("period", period),
        BoardReportView.IcsScope => QueryString.Create("scope", BoardReportView.IcsScope).Add("period", period),
        _ => QueryString.Create("organisation", organisation).Add("period", period),
    };

    private static QueryString Return(string organisation, string year) => QueryString.Create("organisation", organisation).Add("year", year);
}
