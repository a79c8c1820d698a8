package cn.shixun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

class UntrustedXmlTest {

    @Test
    void aModelIsReadNamespaceAware() throws SAXException {
        Document model = UntrustedXml.parse(bytes("""
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d"><decision id="x"/></definitions>"""));

        assertThat(model.getDocumentElement().getLocalName()).isEqualTo("definitions");
        assertThat(model.getDocumentElement().getNamespaceURI()).isEqualTo("https://www.omg.org/spec/DMN/20191111/MODEL/");
    }

    @Test
    void anExternalEntityIsNeverFetched_theDoctypeIsRefused() {
        assertThatThrownBy(() -> UntrustedXml.parse(bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions>&secret;</definitions>""")))
                .isInstanceOf(SAXException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void nestedEntitiesAreNeverExpanded_theDoctypeIsRefused() {
        assertThatThrownBy(() -> UntrustedXml.parse(bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <lol>&lol2;</lol>""")))
                .isInstanceOf(SAXException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformedXmlIsASaxException() {
        assertThatThrownBy(() -> UntrustedXml.parse(bytes("<definitions><decision></definitions>")))
                .isInstanceOf(SAXException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
