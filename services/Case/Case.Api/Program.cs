using IcsComplaints.Case.Api;
using IcsComplaints.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCaseServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCaseApi();

return await app.RunServiceAsync(args);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
