using IcsComplaints.Correspondence.Api;
using IcsComplaints.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCorrespondenceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCorrespondenceApi();

return await app.RunServiceAsync(args);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
