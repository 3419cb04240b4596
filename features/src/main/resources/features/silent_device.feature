@silence
Feature: A device that goes silent is detected
  When Wi-Fi drops, the device's connection dies without a word: no FIN reaches the server,
  which would otherwise wait on it forever, as the classroom server did. The server closes a
  connection that has been silent longer than its idle timeout, and when the device comes back
  it has one session on the server, not two.

  Background:
    Given a server is receiving readings, closing connections silent for 2 seconds

  Scenario: A device that loses Wi-Fi is detected within the idle timeout, and comes back once
    Given a device reporting every 200 ms
    When the device has sent 3 readings
    And the device loses Wi-Fi for 4 seconds
    Then the server closes the device's connection within 3 seconds, as silent
    And the device is reporting again within 8 seconds
    And the server holds one connection, the device's

  Scenario: A device that is back before the idle timeout still has one session
    Given a device reporting every 200 ms in acknowledged mode
    When the device has sent 3 readings
    And the device loses Wi-Fi for 1 second
    Then the device is reporting again within 8 seconds
    And the server holds one connection, the device's
    And the server has stored every reading the device sent, exactly once
