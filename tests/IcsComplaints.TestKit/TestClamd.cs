namespace IcsComplaints.TestKit;

/// <summary>
/// The clamd the tests scan files with: <c>ICS_TEST_CLAMD</c> (<c>host:port</c>), which <c>./ics test</c> sets to the
/// clamd it starts with a local database holding the EICAR test signature; otherwise clamd's own default port on loopback.
/// </summary>
public static class TestClamd
{
    /// <summary>Its host.</summary>
    public static string Host => Parts.Host;

    /// <summary>Its TCP port.</summary>
    public static int Port => Parts.Port;

    private static (string Host, int Port) Parts =>
        Environment.GetEnvironmentVariable("ICS_TEST_CLAMD") is { Length: > 0 } given && given.LastIndexOf(':') is var colon and > 0
            ? (given[..colon], int.Parse(given[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : ("127.0.0.1", 3310);

    /// <summary>The 68 bytes of the EICAR anti-virus test file: harmless, and found by every scanner.</summary>
    public static byte[] Eicar => System.Text.Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
}
