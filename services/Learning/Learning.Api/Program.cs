using IcsComplaints.Learning.Api;
using IcsComplaints.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLearningServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLearningApi();

return await app.RunServiceAsync(args);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
