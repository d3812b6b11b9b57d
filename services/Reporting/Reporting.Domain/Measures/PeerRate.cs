namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>Where an organisation stands among its peers on one rate, without naming any.</summary>
/// <param name="Measure">The rate.</param>
/// <param name="Own">The organisation's own rate.</param>
/// <param name="Peers">Peers whose rate rests on no small number (numerator, denominator and the rest each zero or five or more, denominator five or more).</param>
/// <param name="Suppressed">True when fewer than three such peers: no distribution is shown.</param>
/// <param name="LowerQuartile">25th percentile of the peers' rates.</param>
/// <param name="Median">Median.</param>
/// <param name="UpperQuartile">75th percentile.</param>
public sealed record PeerRate(string Measure, double? Own, int Peers, bool Suppressed, double? LowerQuartile, double? Median, double? UpperQuartile);

/// <summary>One organisation's counts behind one rate, for comparing it with its peers.</summary>
/// <param name="Measure">The rate.</param>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Numerator">Meeting the measure.</param>
/// <param name="Denominator">Applicable.</param>
public sealed record PeerCounts(string Measure, string OrganisationCode, int Numerator, int Denominator);
