<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer><se:Name>regions</se:Name><UserStyle><se:Name>regions</se:Name>
    <se:FeatureTypeStyle>
      <se:Rule><se:Name>regions</se:Name><se:Description><se:Title>Regions</se:Title></se:Description><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#6a51a3</se:SvgParameter><se:SvgParameter name="fill-opacity">0.16</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#6a51a3</se:SvgParameter><se:SvgParameter name="stroke-width">2</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>
      <se:Rule><se:Name>labels</se:Name><se:Description><se:Title>Region names</se:Title></se:Description><se:TextSymbolizer><se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label><se:Font><se:SvgParameter name="font-family">DejaVu Sans</se:SvgParameter><se:SvgParameter name="font-size">12</se:SvgParameter></se:Font><se:Halo><se:Radius>1</se:Radius><se:Fill><se:SvgParameter name="fill">#ffffff</se:SvgParameter></se:Fill></se:Halo><se:Fill><se:SvgParameter name="fill">#222222</se:SvgParameter></se:Fill></se:TextSymbolizer></se:Rule>
    </se:FeatureTypeStyle>
  </UserStyle></NamedLayer>
</StyledLayerDescriptor>
