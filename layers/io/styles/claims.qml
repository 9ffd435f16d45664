<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Labeling|Temporal" labelsEnabled="1">
  <temporal enabled="1" mode="4" limitMode="0" accumulate="0" startField="" endField="" durationField="" durationUnit="d" fixedDuration="0" startExpression="with_variable('d', if(length(to_string(&quot;date_start&quot;)) &gt;= 4, to_date(left(to_string(&quot;date_start&quot;) || '-01-01', 10)), NULL), CASE WHEN @d IS NULL THEN NULL ELSE make_datetime(year(@d), month(@d), day(@d), 0, 0, 0) END)" endExpression="with_variable('d', if(length(to_string(if(length(to_string(&quot;date_end&quot;)) &gt;= 4, &quot;date_end&quot;, &quot;date_start&quot;))) &gt;= 4, to_date(left(to_string(if(length(to_string(&quot;date_end&quot;)) &gt;= 4, &quot;date_end&quot;, &quot;date_start&quot;)) || '-01-01', 10)), NULL), with_variable('e', CASE WHEN @d IS NULL THEN NULL WHEN &quot;time_precision&quot; = 'year' THEN make_date(year(@d) + 1, 1, 1) WHEN &quot;time_precision&quot; = 'month' THEN make_date(year(@d) + if(month(@d) = 12, 1, 0), if(month(@d) = 12, 1, month(@d) + 1), 1) ELSE to_date(@d + make_interval(days:=1)) END, CASE WHEN @e IS NULL THEN NULL ELSE make_datetime(year(@e), month(@e), day(@e), 0, 0, 0) END))">
    <fixedRange><start></start><end></end></fixedRange>
  </temporal>
  <renderer-v2 type="pointDisplacement" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1" placement="1" tolerance="1" toleranceUnit="MM" toleranceUnitScale="3x:0,0,0,0,0,0" circleWidth="0.3" circleColor="110,110,110,255" circleRadiusAddition="0.3" labelAttributeName="" labelColor="0,0,0,255" labelDistanceFactor="0.5" maxLabelScaleDenominator="-1">
    <labelFontProperties description="DejaVu Sans,9,-1,5,50,0,0,0,0,0" style=""/>
    <renderer-v2 type="categorizedSymbol" attr="category" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">
      <categories>
        <category render="true" symbol="0" value="military" label="Military" type="string"/>
        <category render="true" symbol="1" value="casualties" label="Casualties" type="string"/>
        <category render="true" symbol="2" value="humanitarian" label="Humanitarian" type="string"/>
        <category render="true" symbol="3" value="infrastructure" label="Infrastructure" type="string"/>
        <category render="true" symbol="4" value="economic" label="Economic" type="string"/>
        <category render="true" symbol="5" value="political" label="Political" type="string"/>
        <category render="true" symbol="6" value="strategic" label="Strategic" type="string"/>
        <category render="true" symbol="7" value="territorial" label="Territorial" type="string"/>
      </categories>
      <symbols>
        <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="187,51,17,255"/>
              <Option type="QString" name="name" value="square"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="187,51,17,255"/>
            <prop k="name" v="square"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="119,34,102,255"/>
              <Option type="QString" name="name" value="diamond"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="119,34,102,255"/>
            <prop k="name" v="diamond"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="238,136,17,255"/>
              <Option type="QString" name="name" value="circle"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="238,136,17,255"/>
            <prop k="name" v="circle"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="34,102,204,255"/>
              <Option type="QString" name="name" value="hexagon"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="34,102,204,255"/>
            <prop k="name" v="hexagon"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="17,68,51,255"/>
              <Option type="QString" name="name" value="pentagon"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="17,68,51,255"/>
            <prop k="name" v="pentagon"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="204,136,255,255"/>
              <Option type="QString" name="name" value="triangle"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="204,136,255,255"/>
            <prop k="name" v="triangle"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="180"/>
              <Option type="QString" name="color" value="0,133,99,255"/>
              <Option type="QString" name="name" value="triangle"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="180"/>
            <prop k="color" v="0,133,99,255"/>
            <prop k="name" v="triangle"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
        <symbol type="marker" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="255,102,153,255"/>
              <Option type="QString" name="name" value="octagon"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="255,102,153,255"/>
            <prop k="name" v="octagon"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
      </symbols>
      <source-symbol>
        <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
          <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="angle" value="0"/>
              <Option type="QString" name="color" value="119,119,119,255"/>
              <Option type="QString" name="name" value="circle"/>
              <Option type="QString" name="outline_color" value="255,255,255,255"/>
              <Option type="QString" name="outline_style" value="solid"/>
              <Option type="QString" name="outline_width" value="0.4"/>
              <Option type="QString" name="outline_width_unit" value="MM"/>
              <Option type="QString" name="size" value="3.2"/>
              <Option type="QString" name="size_unit" value="MM"/>
            </Option>
            <prop k="angle" v="0"/>
            <prop k="color" v="119,119,119,255"/>
            <prop k="name" v="circle"/>
            <prop k="outline_color" v="255,255,255,255"/>
            <prop k="outline_style" v="solid"/>
            <prop k="outline_width" v="0.4"/>
            <prop k="outline_width_unit" v="MM"/>
            <prop k="size" v="3.2"/>
            <prop k="size_unit" v="MM"/>
          </layer>
        </symbol>
      </source-symbol>
    </renderer-v2>
      <symbol type="marker" name="centerSymbol" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="85,85,85,255"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.4"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="size" value="1.6"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="color" v="85,85,85,255"/>
          <prop k="name" v="circle"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="1.6"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="claim_id" isExpression="0" fontSize="9" fontSizeUnit="Point" fontFamily="DejaVu Sans" textColor="0,0,0,255"/>
      <rendering drawLabels="0" obstacle="1" obstacleFactor="2" obstacleType="0" scaleVisibility="0" displayAll="0" labelPerPart="0" mergeLines="0" zIndex="0"/>
    </settings>
  </labeling>
  <layerGeometryType>0</layerGeometryType>
</qgis>
