using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Features.GetAnnualReport;
using IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;
using IcsComplaints.Reporting.Api.Features.GetKo41Return;
using IcsComplaints.Reporting.Api.Features.GetMeasures;
using IcsComplaints.Reporting.Api.Features.GetOverdue;
using IcsComplaints.Reporting.Api.Features.GetOversight;
using IcsComplaints.Reporting.Api.Features.GetTransfers;
using IcsComplaints.Reporting.Domain.Measures;
using V1 = IcsComplaints.Reporting.Contracts.Grpc.V1;

namespace IcsComplaints.Reporting.Api.Grpc;

/// <summary>The same figures over gRPC, for integrating systems, from the same handlers as the REST API (ADR 7).</summary>
public sealed class ReportingGrpcService(
    GetMeasuresHandler measures, GetOversightHandler oversight, GetKo41ReturnHandler returns, GetAnnualReportHandler reports,
    GetAnnualReportPdfHandler documents, GetOverdueHandler overdue, GetTransfersHandler transfers)
    : V1.ReportingService.ReportingServiceBase
{
    /// <inheritdoc />
    public override async Task<V1.Measures> GetMeasures(V1.GetMeasuresRequest request, ServerCallContext context)
    {
        var view = await measures.HandleAsync(CallerOf(context), request.OrganisationCode, request.Period, request.Publication, context.CancellationToken);
        var message = Message(view.Measures, view.Suppressed);
        message.Definitions.Add(view.Definitions.ToDictionary(d => d.Key, d => d.Definition));
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.Oversight> GetOversight(V1.GetOversightRequest request, ServerCallContext context)
    {
        var view = await oversight.HandleAsync(CallerOf(context), request.Period, request.Publication, context.CancellationToken);
        var message = new V1.Oversight { IcbCode = view.IcbCode, Period = view.Period, AllProviders = Message(view.AllProviders, view.Suppressed) };
        message.Providers.AddRange(view.Providers.Select(p => Message(p, view.Suppressed)));
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.AnnualReport> GetAnnualReport(V1.GetAnnualReportRequest request, ServerCallContext context)
    {
        var report = await reports.HandleAsync(CallerOf(context), request.OrganisationCode, request.Year, context.CancellationToken);
        var message = new V1.AnnualReport
        {
            OrganisationCode = report.OrganisationCode, Period = report.Period, ActionsRaised = report.ActionsRaised, ActionsCompleted = report.ActionsCompleted,
            ActionsPublished = report.ActionsPublished, Suppressed = report.Suppressed,
        };
        if (report.Received is { } received)
        {
            message.Received = received;
        }
        if (report.DecidedWellFounded is { } wellFounded)
        {
            message.DecidedWellFounded = wellFounded;
        }
        if (report.ReferredToOmbudsman is { } ombudsman)
        {
            message.ReferredToOmbudsman = ombudsman;
        }
        message.SubjectMatter.Add(report.SubjectMatter.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value));
        message.MattersOfGeneralImportance.AddRange(report.MattersOfGeneralImportance);
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.AnnualReportDocument> GetAnnualReportPdf(V1.GetAnnualReportRequest request, ServerCallContext context)
    {
        var file = await documents.HandleAsync(
            CallerOf(context), request.OrganisationCode, request.Year.ToString(CultureInfo.InvariantCulture), context.CancellationToken);
        return new V1.AnnualReportDocument { Pdf = ByteString.CopyFrom(file.Content), FileName = file.FileName };
    }

    /// <inheritdoc />
    public override async Task<V1.Ko41Return> GetKo41Return(V1.GetKo41ReturnRequest request, ServerCallContext context)
    {
        var built = await returns.HandleAsync(CallerOf(context), request.OrganisationCode, request.Year, context.CancellationToken);
        var message = new V1.Ko41Return
        {
            Collection = built.Collection, OrganisationCode = built.OrganisationCode, Period = built.Period, Valid = built.Valid, Csv = built.Valid ? built.ToCsv() : "",
        };
        message.Checks.AddRange(built.Validation.Select(v => new V1.Check { Rule = v.Rule, Site = v.Site, Passed = v.Passed, Detail = v.Detail }));
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.OverdueSummaries> GetOverdue(V1.GetOverdueRequest request, ServerCallContext context)
    {
        var summaries = await overdue.HandleAsync(CallerOf(context), context.CancellationToken);
        var message = new V1.OverdueSummaries();
        message.Providers.AddRange(summaries.Select(s => new V1.OverdueSummary
        {
            OrganisationCode = s.OrganisationCode, Acknowledgements = s.Acknowledgements, Responses = s.Responses, Backstops = s.Backstops, OldestDueOn = Day(s.OldestDueOn),
        }));
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.OverdueCases> GetOverdueCases(V1.GetOverdueCasesRequest request, ServerCallContext context)
    {
        var cases = await overdue.CasesAsync(CallerOf(context), request.OrganisationCode, context.CancellationToken);
        var message = new V1.OverdueCases();
        message.Cases.AddRange(cases.Select(c =>
        {
            var item = new V1.OverdueCase { CaseId = c.CaseId.ToString(), OrganisationCode = c.OrganisationCode, ReceivedOn = Day(c.ReceivedOn), OldestDueOn = Day(c.OldestDueOn) };
            item.Overdue.AddRange(c.Overdue);
            return item;
        }));
        return message;
    }

    /// <inheritdoc />
    public override async Task<V1.TransferOversight> GetTransfers(V1.GetTransfersRequest request, ServerCallContext context)
    {
        var view = await transfers.HandleAsync(CallerOf(context), NullIfEmpty(request.From), NullIfEmpty(request.To), context.CancellationToken);
        var message = new V1.TransferOversight { Period = view.Period, AwaitingConsentCount = view.AwaitingConsentCount };
        message.AwaitingConsent.AddRange(view.AwaitingConsent.Select(a => new V1.AwaitingConsent
        {
            CaseId = a.CaseId?.ToString() ?? "", ReceivedOn = Day(a.ReceivedOn), WorkingDaysWaiting = a.WorkingDaysWaiting,
        }));
        message.Transfers.AddRange(view.Transfers.Select(Message));
        message.Providers.AddRange(view.Providers.Select(p =>
        {
            var times = new V1.TransferTimes { OrganisationCode = p.OrganisationCode, Transfers = p.Transfers, Finished = p.Finished };
            if (p.MedianIcbWorkingDays is { } icb)
            {
                times.MedianIcbWorkingDays = icb;
            }
            if (p.MedianProviderWorkingDays is { } provider)
            {
                times.MedianProviderWorkingDays = provider;
            }
            return times;
        }));
        return message;
    }

    private static V1.TransferMade Message(TransferMade t)
    {
        var message = new V1.TransferMade
        {
            CaseId = t.CaseId?.ToString() ?? "", FromOrganisationCode = t.FromOrganisationCode, ToOrganisationCode = t.ToOrganisationCode, ReceivedOn = Day(t.ReceivedOn),
            TransferredOn = Day(t.TransferredOn), IcbWorkingDays = t.IcbWorkingDays, ProviderWorkingDays = t.ProviderWorkingDays, ProviderFinished = t.ProviderFinished,
            Outcome = t.Outcome ?? "", OutcomeOn = Day(t.OutcomeOn),
        };
        if (t.ConsentWorkingDays is { } consent)
        {
            message.ConsentWorkingDays = consent;
        }
        if (t.TriageWorkingDays is { } triage)
        {
            message.TriageWorkingDays = triage;
        }
        return message;
    }

    // Dates travel as ISO days, empty when unknown, as in the other services' messages.
    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    private static V1.Measures Message(MeasureSet m, bool suppressed)
    {
        var message = new V1.Measures { OrganisationCode = m.OrganisationCode, Period = m.Period, Suppressed = suppressed };
        if (m.Received is { } received)
        {
            message.Received = received;
        }
        foreach (var (key, rate) in new (string, Rate)[]
        {
            ("acknowledgedInTime", m.AcknowledgedInTime), ("resolvedEarly", m.ResolvedEarly), ("byAgreedDate", m.ByAgreedDate), ("renegotiated", m.Renegotiated),
            ("upheldOrPartly", m.UpheldOrPartly), ("reopened", m.Reopened), ("withAdvocacy", m.WithAdvocacy), ("draftsReviewed", m.DraftsReviewed),
            ("staffSupported", m.StaffSupported), ("staffTold", m.StaffTold),
        })
        {
            var r = new V1.Rate { Suppressed = rate.Suppressed };
            if (rate.Numerator is { } n)
            {
                r.Numerator = n;
            }
            if (rate.Denominator is { } d)
            {
                r.Denominator = d;
            }
            if (rate.Value is { } v)
            {
                r.Value = v;
            }
            message.Rates.Add(key, r);
        }
        foreach (var outcome in m.Outcomes.Where(o => o.Value is not null))
        {
            message.Outcomes.Add(outcome.Key, outcome.Value!.Value);
        }
        return message;
    }
}
