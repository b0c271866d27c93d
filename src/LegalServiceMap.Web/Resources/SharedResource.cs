namespace LegalServiceMap.Web;

/// <summary>Marker type for the app's one resource set: Resources/SharedResource.resx (English) and .zh-CN.resx.</summary>
public sealed class SharedResource;
