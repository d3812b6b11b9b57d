using System.Diagnostics;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.UnitTests;

/// <summary>A survey link's code never reaches a trace (ADR 34); every other address is recorded as it was.</summary>
public sealed class SecretPathsTests
{
    [Theory]
    [InlineData("/survey/link/q3Xo-abc_DEF", "/survey/link/{code}")]
    [InlineData("http://portal:8080/survey/link/q3Xo-abc_DEF?x=1", "http://portal:8080/survey/link/{code}")]
    [InlineData("/survey/start", "/survey/start")]
    [InlineData("/api/v1/surveys/link", "/api/v1/surveys/link")]
    [InlineData(null, null)]
    public void ASurveyLinksCode_IsHidden_OtherAddressesAreKept(string? path, string? recorded)
    {
        Assert.Equal(recorded, SecretPaths.Redact(path));
    }

    [Fact]
    public void ASpan_KeepsItsOtherTags_AndLosesTheCode()
    {
        using var activity = new Activity("GET /survey/link/q3Xo");
        activity.SetTag("url.path", "/survey/link/q3Xo");
        activity.SetTag("url.full", "http://portal.test/survey/link/q3Xo");
        activity.SetTag("http.request.method", "GET");

        SecretPaths.RedactTags(activity);

        Assert.Equal("/survey/link/{code}", activity.GetTagItem("url.path"));
        Assert.Equal("http://portal.test/survey/link/{code}", activity.GetTagItem("url.full"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("GET /survey/link/{code}", activity.DisplayName);
    }
}
