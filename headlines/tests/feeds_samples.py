"""Small RSS and Atom documents as sites publish them."""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>MONTSAME</title>
    <link>https://www.montsame.mn/</link>
    <description>News</description>
    <language>en-us</language>
    <item>
      <title>MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP</title>
      <link>https://www.montsame.mn/en/read/1?utm_source=rss&amp;utm_medium=feed</link>
      <pubDate>Fri, 05 Dec 2025 02:30:00 GMT</pubDate>
    </item>
    <item>
      <title>AT&amp;T AND MONGOLIA</title>
      <link>/en/read/2</link>
      <pubDate>Thu, 04 Dec 2025 20:00:00 GMT</pubDate>
    </item>
    <item>
      <title>&lt;script&gt;alert(1)&lt;/script&gt;BAD</title>
      <link>https://www.montsame.mn/en/read/3</link>
      <pubDate>Thu, 04 Dec 2025 10:00:00 GMT</pubDate>
    </item>
    <item>
      <title>A LINK THAT IS NOT ONE</title>
      <link>javascript:alert(1)</link>
      <pubDate>Thu, 04 Dec 2025 10:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Eguur</title>
  <id>urn:eguur</id>
  <updated>2025-12-05T08:00:00+08:00</updated>
  <entry>
    <title>ТАВАНТОЛГОЙ-ГАШУУНСУХАЙТ ЧИГЛЭЛИЙН ТӨМӨР ЗАМААР НҮҮРС ТЭЭВЭРЛЭВ</title>
    <link href="https://www.eguur.mn/a/100"/>
    <id>urn:eguur:100</id>
    <updated>2025-12-05T00:30:00+08:00</updated>
  </entry>
  <entry>
    <title type="html">ЗЭС &amp;amp; АЛТ</title>
    <link href="https://www.eguur.mn/a/101?fbclid=x"/>
    <id>urn:eguur:101</id>
    <published>2025-12-04T23:30:00Z</published>
    <updated>2025-12-04T23:30:00Z</updated>
  </entry>
</feed>
"""

BROKEN = """<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off<item><title>HALF"""
