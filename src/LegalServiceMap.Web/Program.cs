using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseApplicationPipeline();
app.Run();

public partial class Program;
