using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LegalServiceMap.Web.Features.Staff.Accounts;

/// <summary>
/// Staff sign-in: ASP.NET Core Identity in the app's database, roles Admin and Editor, passwords of at least 12
/// characters, lockout after 5 failures, a 30-minute sliding cookie. Pages answer anonymous users with the sign-in page,
/// APIs with 401; a signed-in user without the role gets 403.
/// </summary>
public static class StaffAuthentication
{
    /// <summary>The staff sign-in cookie (also named in the OpenAPI document's security scheme).</summary>
    public const string CookieName = "lsm.staff";

    public const string LoginPath = "/staff/login";
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Signing out changes the account's security stamp, and every request checks the cookie's stamp against the
        // database, so a copied cookie stops working at once on every instance (not at its expiry).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/staff/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
            .AddPolicy(StaffRoles.AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapStaffAuthentication(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, SignInManager<StaffUser> signIn, DoorLimits limits, Features.Staff.Audit.SecurityEvents security) =>
        {
            var back = SafeReturn(returnUrl);
            IResult Again(string error) => Results.LocalRedirect($"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(back)}");

            var client = RateLimits.ClientKey(http);
            if (await limits.SignInFailuresByClient.CheckAsync(client) is { } wait)
            {
                await RateLimits.WriteTooManyAsync(http, wait, "Limit_TooManySignIns", RateLimits.Doors.SignIn);
                return Results.Empty;
            }
            if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 256)
            {
                return Again("invalid");
            }
            var account = email.Trim().ToUpperInvariant();
            var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
            if (user is null)
            {
                // The same work and the same answers as for a real account: a locked name answers at once, anything else
                // checks a password hash, and after five failures the name "locks" for the same time, so neither timing
                // nor lockout tells which e-mails have accounts.
                var unknown = limits.SignInFailuresByUnknownAccount;
                await limits.SignInFailuresByClient.TakeAsync(client);
                var locked = await unknown.CheckAsync(account) is not null;
                if (!locked)
                {
                    signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash.Value, password);
                    await unknown.TakeAsync(account);
                    locked = await unknown.CheckAsync(account) is not null;
                }
                // Never the e-mail typed: it may be a mistyped password, or someone's address that has no account.
                await security.RecordAsync(locked ? Features.Staff.Audit.SecurityEventKind.LockedOut : Features.Staff.Audit.SecurityEventKind.SignInFailed, null, http);
                return Again(locked ? "locked" : "invalid");
            }
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await security.RecordAsync(Features.Staff.Audit.SecurityEventKind.SignInSucceeded, user.Email, http);
                return Results.LocalRedirect(back);
            }
            await limits.SignInFailuresByClient.TakeAsync(client);
            await security.RecordAsync(result.IsLockedOut ? Features.Staff.Audit.SecurityEventKind.LockedOut : Features.Staff.Audit.SecurityEventKind.SignInFailed,
                result.IsLockedOut ? user.Email : null, http);
            return Again(result.IsLockedOut ? "locked" : "invalid");
        }).ExcludeFromDescription(); // an HTML form's target, not part of the JSON API
        app.MapPost("/staff/logout", async (SignInManager<StaffUser> signIn, HttpContext http, Features.Staff.Audit.SecurityEvents security) =>
        {
            await security.RecordAsync(Features.Staff.Audit.SecurityEventKind.SignedOut, http.User.Identity?.Name, http);
            // End the session on the server: a new stamp refuses every cookie issued before it (this person's other
            // devices too: signing out is signing out everywhere).
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>Only a local path may be a return address (the framework's check); anything else returns to the workspace.</summary>
    public static string SafeReturn(string? returnUrl) => LocalUrls.OrDefault(returnUrl, "/staff");

    // A hash of a random password, checked against what was typed for an unknown e-mail so both paths cost the same.
    private static readonly Lazy<string> UnknownAccountHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>Creates (or resets) a staff account with a role; the password is never stored in the repository.</summary>
    public static async Task<(bool Ok, string Message)> CreateAccountAsync(IServiceProvider services, string email, string password, string role)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var r in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
        }
        if (!result.Succeeded) return (false, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
            await scope.ServiceProvider.GetRequiredService<Features.Staff.Audit.SecurityEvents>().RecordAsync(
                Features.Staff.Audit.SecurityEventKind.RoleChanged, email, null, role);
        }
        return (true, $"{role} account ready: {email}");
    }
}
