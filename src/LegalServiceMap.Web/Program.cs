using LegalServiceMap.Web.Commands;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}
app.UseApplicationPipeline();
app.Run();
return 0;

public partial class Program;
