/**
 * Canonical XML 1.0 on the examples of the W3C recommendation (section 3, the parts that need no
 * document type declaration), its expected output copied from the recommendation; and the
 * reader's refusals.
 */
import { describe, expect, it } from 'vitest';
import { canonicalDocument, canonicalSubtree, parseXml, type XmlElement } from './xml-c14n.ts';

describe('Canonical XML 1.0', () => {
  it('3.1: processing instructions and comments outside the document element', () => {
    const input =
      '<?xml version="1.0"?>\n\n<?xml-stylesheet   href="doc.xsl"\n   type="text/xsl"   ?>\n\n' +
      '<doc>Hello, world!<!-- Comment 1 --></doc>\n\n<?pi-without-data     ?>\n\n' +
      '<!-- Comment 2 -->\n\n<!-- Comment 3 -->';
    expect(canonicalDocument(parseXml(input))).toBe(
      '<?xml-stylesheet href="doc.xsl"\n   type="text/xsl"   ?>\n<doc>Hello, world!</doc>\n<?pi-without-data?>',
    );
    expect(canonicalDocument(parseXml(input), true)).toBe(
      '<?xml-stylesheet href="doc.xsl"\n   type="text/xsl"   ?>\n' +
        '<doc>Hello, world!<!-- Comment 1 --></doc>\n<?pi-without-data?>\n' +
        '<!-- Comment 2 -->\n<!-- Comment 3 -->',
    );
  });

  it('3.3: start and end tags, attribute order, namespace declarations rendered once', () => {
    const input = `<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>`;
    // As in the recommendation, less e9's attr="default" that its document type declaration adds.
    expect(canonicalDocument(parseXml(input))).toBe(`<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>`);
  });

  it('3.4: character references, CDATA, line ends and attribute white space', () => {
    const input =
      '<doc attr="a&#x9;b&#xA;c&#xD;d\te\r\nf" quote=\'"\'><![CDATA[x < y & z]]>&gt;&#xD;\r\n</doc>';
    expect(canonicalDocument(parseXml(input))).toBe(
      '<doc attr="a&#x9;b&#xA;c&#xD;d e f" quote="&quot;">x &lt; y &amp; z&gt;&#xD;\n</doc>',
    );
  });

  it('a subtree carries the namespaces and xml: attributes of its ancestors', () => {
    const doc = parseXml(
      '<a:root xmlns:a="urn:a" xmlns="urn:d" xml:lang="vi"><a:child b="1"><c/></a:child></a:root>',
    );
    const child = doc.root.children[0] as XmlElement;
    expect(canonicalSubtree(child)).toBe(
      '<a:child xmlns="urn:d" xmlns:a="urn:a" b="1" xml:lang="vi"><c></c></a:child>',
    );
  });
});

describe('the XML reader', () => {
  it.each([
    ['a document type declaration', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'],
    ['an undeclared entity', '<x>&a;</x>'],
    ['mismatched tags', '<x><y></x></y>'],
    ['text outside the document element', '<x/>text'],
    ['two document elements', '<x/><y/>'],
    ['an unclosed element', '<x><y/>'],
  ])('refuses %s', (_what, input) => {
    expect(() => parseXml(input)).toThrow();
  });
});
