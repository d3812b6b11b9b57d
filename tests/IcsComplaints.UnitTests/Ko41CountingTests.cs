using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="Ko41Counting"/>: which collection an organisation returns, and the return as NHS England takes it.</summary>
public sealed class Ko41CountingTests
{
    [Theory]
    [InlineData("nhs-trust", "KO41a")]
    [InlineData("independent-provider", "KO41a")]
    [InlineData("gp-practice", "KO41b")]
    [InlineData("dental-practice", "KO41b")]
    [InlineData("icb", "KO41b")]
    public void PrimaryCareAndIcbsReturnKo41b_OthersKo41a(string type, string collection) => Assert.Equal(collection, Ko41Counting.CollectionFor(type));

    [Fact]
    public void Ko41Csv_QuotesItemsWithCommas()
    {
        var ko41 = new Ko41Return("KO41a", "RJ2", "2023/24", 0, 1, new Dictionary<string, int>(), 0, 1,
            [new ReturnLine("SubjectArea", "RJ2", "Privacy, dignity and wellbeing", 1)], [], true);

        Assert.Equal("collection,organisation,period,section,site,item,count\nKO41a,RJ2,2023/24,SubjectArea,RJ2,\"Privacy, dignity and wellbeing\",1\n", ko41.ToCsv());
    }
}
