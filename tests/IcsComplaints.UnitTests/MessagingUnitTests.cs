using IcsComplaints.Messaging;
using IcsComplaints.Platform.Correlation;
using IcsComplaints.ServiceDefaults.Errors;

namespace IcsComplaints.UnitTests;

public sealed class MessagingUnitTests
{
    [Fact]
    public void BrokerAddress_ReadsCredentialsHostPortAndVirtualHost()
    {
        var address = BrokerAddress.Parse("amqp://ics:p%40ss@127.0.0.1:55672/ics");

        Assert.Equal(new BrokerAddress("127.0.0.1", 55672, "ics", "ics", "p@ss"), address);
    }

    [Fact]
    public void BrokerAddress_WithoutVirtualHost_UsesTheDefault()
    {
        Assert.Equal("/", BrokerAddress.Parse("amqp://u:p@rabbitmq/").VirtualHost);
        Assert.Equal(5672, BrokerAddress.Parse("amqp://u:p@rabbitmq/").Port);
    }

    [Fact]
    public void BrokerAddress_RefusesOtherSchemes()
    {
        Assert.Throws<InvalidOperationException>(() => BrokerAddress.Parse("http://rabbitmq:15672/"));
    }

    [Theory]
    [InlineData("organisationCode", "organisation_code")]
    [InlineData("complainant.email", "complainant.email")]
    [InlineData("complainant.phoneNumber", "complainant.phone_number")]
    public void FieldViolations_NameFieldsAsTheProtoDoes(string json, string proto)
    {
        Assert.Equal(proto, GrpcErrorInterceptor.ToSnakeCase(json));
    }

    [Theory]
    [InlineData("0af7651916cd43dd8448eb211c80319c", true)]
    [InlineData("short", false)]
    [InlineData("name: Ada Lovelace, NHS 943 476 5919", false)]
    public void CorrelationIds_OnlyTokenLikeValuesAreKept_SoTextCannotReachTheLogs(string candidate, bool kept)
    {
        Assert.Equal(kept, CorrelationContext.Normalise(candidate) == candidate);
    }
}
