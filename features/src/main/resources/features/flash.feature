@flash @needs-flash
Feature: Flash the firmware, boot it, and see its version
  On the bench the first thing to know is that the board runs the image just built. The image
  carries its version; after flashing, the device boots it and reports that version on its
  console and in the hello the server receives.

  Background:
    Given a server is receiving readings

  Scenario: A flashed image boots and reports its version
    Given the firmware image under test
    When the image is flashed to the device
    Then flashing succeeded
    And the device reports the image's version
    When the device reports every 200 ms
    Then the server knows the device by its hello, running the image's version

  Scenario: An image with a bad checksum is refused before anything is written
    Given the firmware image under test, with its checksum broken
    When the image is flashed to the device
    Then flashing failed, saying "checksum"
