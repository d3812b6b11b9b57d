using IcsComplaints.Intake.Api;
using IcsComplaints.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIntakeServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIntakeApi();

return await app.RunServiceAsync(args);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
