namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>Each output reporting gives, for deciding whether it is exact or prepared for publication (<see cref="Rules.Publication"/>).</summary>
public enum ReportingOutput
{
    /// <summary>An organisation's measures.</summary>
    Measures,

    /// <summary>An ICB's providers side by side.</summary>
    Oversight,

    /// <summary>A funnel plot of the providers.</summary>
    Funnel,

    /// <summary>A measure month by month.</summary>
    Trend,

    /// <summary>What is overdue at each provider now.</summary>
    Overdue,

    /// <summary>An organisation among its peers.</summary>
    Peers,

    /// <summary>The KO41 return to NHS England.</summary>
    Ko41Return,

    /// <summary>The Reg 18 annual report.</summary>
    AnnualReport,
}
