@many-devices @fleet
Feature: Many devices at once
  A classroom has a few boards; a building has hundreds. The server serves every connection at
  once, where the classroom server served one client at a time.

  Background:
    Given a server is receiving readings

  Scenario: Three hundred devices report at the same time
    Given 300 devices reporting every 300 ms
    When every device has sent 4 readings
    Then the server has stored every reading the devices sent, exactly once
    And the server knows 300 devices, each connected once
