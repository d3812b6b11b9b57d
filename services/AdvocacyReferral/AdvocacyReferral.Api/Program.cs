using IcsComplaints.AdvocacyReferral.Api;
using IcsComplaints.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdvocacyReferralServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAdvocacyReferralApi();

return await app.RunServiceAsync(args);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
