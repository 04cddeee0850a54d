// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.File;
import java.io.IOException;

/**
 * Validates an XML file against an XML Schema, printing every error with its line, and exits 1
 * when there is one. The installers workflow runs it on packaging/windows/main.wxs against the
 * wix.xsd of the WiX version it installs, before jpackage and WiX ever see the file:
 *
 * <pre>java packaging/ValidateXml.java wix.xsd packaging/windows/main.wxs</pre>
 *
 * WiX's preprocessor lines ({@code <?ifdef ?>}, {@code <?include ?>}) are XML processing
 * instructions, which a schema does not constrain; attribute values such as {@code $(var.JpAppName)}
 * are checked against the attribute's type as they stand.
 */
public final class ValidateXml {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java packaging/ValidateXml.java SCHEMA.xsd FILE.xml");
            System.exit(2);
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        int[] errors = {0};
        try {
            Validator validator = factory.newSchema(new File(args[0])).newValidator();
            validator.setErrorHandler(new org.xml.sax.ErrorHandler() {
                public void warning(SAXParseException e) {
                    System.err.printf("%s:%d: warning: %s%n", args[1], e.getLineNumber(), e.getMessage());
                }

                public void error(SAXParseException e) {
                    errors[0]++;
                    System.err.printf("%s:%d: %s%n", args[1], e.getLineNumber(), e.getMessage());
                }

                public void fatalError(SAXParseException e) throws SAXException {
                    errors[0]++;
                    throw e;
                }
            });
            validator.validate(new StreamSource(new File(args[1])));
        } catch (SAXException e) {
            System.err.println(args[1] + ": " + e.getMessage());
            System.exit(1);
        }
        if (errors[0] > 0) {
            System.exit(1);
        }
        System.out.println(args[1] + " is valid against " + args[0]);
    }
}
