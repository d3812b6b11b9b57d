extern alias portal;
extern alias reporting;
using Charts = reporting::IcsComplaints.Reporting.Api.Api.Charts;
using SvgChart = portal::IcsComplaints.Portal.Web.Clients.SvgChart;

namespace IcsComplaints.Portal.Tests;

/// <summary>The portal puts reporting's charts inline only as drawing: a chart passes whole, anything that could run or fetch does not pass at all.</summary>
public sealed class SvgChartTests
{
    [Fact]
    public void A_chart_reporting_drew_is_put_in_the_page_as_it_is()
    {
        var chart = Charts.Trend("Complaints received: RJ1", [new("2026-10", 3, null, 3), new("2026-11", 5, null, 5)], rate: false);

        var inline = SvgChart.Inline(chart)?.ToString();

        Assert.NotNull(inline);
        Assert.Contains("data-month=\"2026-11\"", inline, StringComparison.Ordinal);
        Assert.Contains("<desc>", inline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://example.org\"><text>x</text></a></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle style=\"fill:url(https://example.org/x)\"/></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\"><circle x:href=\"#a\"/></svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&e;</text></svg>")]
    [InlineData("<div>not a chart</div>")]
    [InlineData("<svg><circle/></svg>")]
    [InlineData("not markup at all")]
    [InlineData("")]
    public void Anything_but_plain_drawing_is_not_put_in_the_page(string markup) =>
        Assert.Null(SvgChart.Inline(markup));
}
