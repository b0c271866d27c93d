using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LegalServiceMap.Web.Setup;

/// <summary>Routes MudBlazor's own texts (dialogs, pickers, pagers) through our resources; unknown keys fall back to MudBlazor's English.</summary>
internal sealed class ResxMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];
}
